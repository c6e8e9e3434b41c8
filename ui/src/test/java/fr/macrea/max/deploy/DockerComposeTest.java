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
 * sets on M.A.X. must be a configuration property that the application really reads, as listed in the Spring
 * configuration metadata of the jars on the class path (Spring Boot's and M.A.X.'s own).
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern DOCKERFILE_ENV = Pattern.compile("^ENV\\s+([A-Z0-9_]+)=", Pattern.MULTILINE);

    @Test
    void everyVariableSetOnTheMaxServiceIsAPropertyTheApplicationKnows() throws IOException {
        Set<String> known = knownPropertiesAsEnvironmentVariables();

        assertThat(maxServiceEnvironment()).isNotEmpty();
        assertThat(unknown(maxServiceEnvironment(), known)).as("docker-compose.yml variables M.A.X. does not read").isEmpty();
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
    void theComposeFileWiresMySqlN8nAndMax() throws IOException {
        Map<String, Object> services = services();
        assertThat(services).containsKeys("mysql", "n8n", "max");
        assertThat(maxServiceEnvironment()).contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                "SPRING_DATASOURCE_PASSWORD");
        assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("-Pproduction");
    }

    private static Set<String> unknown(Set<String> variables, Set<String> known) {
        Set<String> unknown = new java.util.TreeSet<>(variables);
        unknown.removeAll(known);
        return unknown;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> maxServiceEnvironment() throws IOException {
        Map<String, Object> max = (Map<String, Object>) services().get("max");
        return ((Map<String, Object>) max.get("environment")).keySet();
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
