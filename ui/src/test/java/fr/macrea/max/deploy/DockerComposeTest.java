package fr.macrea.max.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so the compose file is checked statically: every variable it (and the Dockerfile)
 * sets on a M.A.X. node must be a configuration property that the application really reads, as listed in the Spring
 * configuration metadata of the jars on the class path (Spring Boot's and M.A.X.'s own); and the two nodes are wired
 * as docs/operations.md ("Two nodes") says: same settings, Redis relay, shared brains folder, own data, sticky
 * sessions at the load balancer.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern DOCKERFILE_ENV = Pattern.compile("^ENV\\s+([A-Z0-9_]+)=", Pattern.MULTILINE);
    private static final List<String> NODES = List.of("max-a", "max-b");

    @Test
    void everyVariableSetOnTheMaxServiceIsAPropertyTheApplicationKnows() throws IOException {
        Set<String> known = knownPropertiesAsEnvironmentVariables();

        for (String node : NODES) {
            assertThat(environment(node)).as(node).isNotEmpty();
            assertThat(unknown(environment(node).keySet(), known)).as("docker-compose.yml variables " + node
                    + " sets that M.A.X. does not read").isEmpty();
        }
        assertThat(unknown(dockerfileEnvironment(), known)).as("Dockerfile variables M.A.X. does not read").isEmpty();
    }

    @Test
    void theCheckWouldCatchAMisspelledVariable() throws IOException {
        Set<String> known = knownPropertiesAsEnvironmentVariables();
        assertThat(unknown(Set.of("SPRING_DATASOURCE_URL", "MAX_DEMO_ENABLED", "MAX_TENANCY_CRM_SCHEMA_PREFIX"), known)).isEmpty();
        assertThat(unknown(Set.of("SPRING_DATASOURCE_URI", "MAX_DEMO_ENABLE"), known))
                .containsExactlyInAnyOrder("SPRING_DATASOURCE_URI", "MAX_DEMO_ENABLE");
    }

    @Test
    void theComposeFileWiresMySqlN8nRedisTwoNodesAndTheLoadBalancer() throws IOException {
        Map<String, Object> services = services();
        assertThat(services).containsKeys("mysql", "n8n", "redis", "max-a", "max-b", "lb");
        assertThat(services).doesNotContainKey("max");
        for (String node : NODES) {
            assertThat(environment(node)).as(node).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                    "SPRING_DATASOURCE_PASSWORD");
        }
        assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("-Pproduction");
    }

    @Test
    void bothNodesRunTheSameImageWithTheSameSettingsAndRelayEventsOverRedis() throws IOException {
        Map<String, Object> a = environment("max-a");
        Map<String, Object> b = environment("max-b");
        assertThat(service("max-a").get("build")).isEqualTo(service("max-b").get("build")).isNotNull();
        assertThat(service("max-a").get("image")).isEqualTo(service("max-b").get("image")).isNotNull();
        // one database, one secrets key (a node must read what the other saved): everything but the demo switch
        Map<String, Object> differing = new java.util.TreeMap<>();
        a.forEach((key, value) -> {
            if (!java.util.Objects.equals(value, b.get(key))) {
                differing.put(key, value + " / " + b.get(key));
            }
        });
        assertThat(b.keySet()).isEqualTo(a.keySet());
        assertThat(differing).as("settings that differ between the nodes").containsOnlyKeys("MAX_DEMO_ENABLED");
        assertThat(b.get("MAX_DEMO_ENABLED")).as("the demo tenants are loaded by one node").isEqualTo("false");
        assertThat(a).containsEntry("MAX_EVENTS_FANOUT", "redis").containsEntry("MAX_EVENTS_REDISURL", "redis://redis:6379");
        assertThat(dependsOn("max-a")).contains("mysql", "redis");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theNodesShareTheBrainsFolderButNotTheirDataAndOnlyTheLoadBalancerIsPublished() throws IOException {
        String brainsDir = (String) environment("max-a").get("MAX_BRAINS_DIR");
        String cacheDir = (String) environment("max-a").get("MAX_BRAINS_INSPECTION_CACHEDIR");
        assertThat(brainsDir).isNotBlank();
        assertThat(cacheDir).as("each node inspects into its own data volume").startsWith("/opt/max/data/");
        assertThat(volumes("max-a")).contains("brains:" + brainsDir).contains("max-a-data:/opt/max/data");
        assertThat(volumes("max-b")).contains("brains:" + brainsDir).contains("max-b-data:/opt/max/data");
        for (String node : NODES) {
            assertThat(service(node)).as(node + " is reached through the load balancer only").doesNotContainKey("ports");
        }
        assertThat((List<Object>) service("lb").get("ports")).containsExactly("8080:8080");
        assertThat(dependsOn("lb")).containsExactlyInAnyOrderElementsOf(NODES);
    }

    @Test
    void theLoadBalancerKeepsEachBrowserOnItsNodeAndReachesBoth() throws IOException {
        assertThat(volumes("lb")).anyMatch(v -> v.startsWith("./docker/haproxy/haproxy.cfg:"));
        String config = Files.readString(ROOT.resolve("docker/haproxy/haproxy.cfg"));
        assertThat(config).as("sticky sessions by a cookie naming the node").containsPattern("(?m)^\\s*cookie MAXNODE insert");
        for (String node : NODES) {
            assertThat(config).as(node + " is a server with its own cookie value")
                    .containsPattern("(?m)^\\s*server " + node + " " + node + ":8080 cookie \\w+");
        }
        assertThat(config).as("WebSocket push outlives Vaadin's 5 min heartbeat").containsPattern("(?m)^\\s*timeout tunnel 1h");
        assertThat(config).as("the client's address for the login throttle").contains("option forwardfor");
        assertThat(environment("max-a")).containsEntry("SERVER_FORWARDHEADERSSTRATEGY", "native");
    }

    private static Set<String> unknown(Set<String> variables, Set<String> known) {
        Set<String> unknown = new java.util.TreeSet<>(variables);
        unknown.removeAll(known);
        return unknown;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> service = (Map<String, Object>) services().get(name);
        assertThat(service).as("service " + name).isNotNull();
        return service;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String node) throws IOException {
        return (Map<String, Object>) service(node).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static List<String> volumes(String name) throws IOException {
        return ((List<Object>) service(name).get("volumes")).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> dependsOn(String name) throws IOException {
        Object dependsOn = service(name).get("depends_on");
        return dependsOn instanceof Map<?, ?> map ? (Set<String>) map.keySet() : Set.copyOf((List<String>) dependsOn);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Object>) compose.get("services");
    }

    private static Set<String> dockerfileEnvironment() throws IOException {
        Matcher matcher = DOCKERFILE_ENV.matcher(Files.readString(ROOT.resolve("Dockerfile")));
        Set<String> variables = new HashSet<>();
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    private static Set<String> knownPropertiesAsEnvironmentVariables() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Set<String> variables = new HashSet<>();
        List<URL> files = Collections.list(DockerComposeTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"));
        for (URL file : files) {
            try (InputStream in = file.openStream()) {
                JsonNode properties = json.readTree(in).path("properties");
                for (JsonNode property : properties) {
                    variables.addAll(asEnvironmentVariables(property.path("name").asString()));
                }
            }
        }
        return variables;
    }

    /**
     * Spring Boot's relaxed binding from the environment: upper case, dots to underscores and dashes removed
     * ({@code MAX_TENANCY_CRMSCHEMAPREFIX}), or, the legacy form it also accepts, dashes as underscores.
     */
    private static Set<String> asEnvironmentVariables(String property) {
        String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
        return new HashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }
}
