package fr.macrea.max.cluster;

import com.zaxxer.hikari.HikariDataSource;
import fr.macrea.max.MaxApplication;
import fr.macrea.max.security.ActingAuthentication;
import fr.macrea.max.security.MaxPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One M.A.X. node started in the test JVM: the ui module's real Spring Boot application (Vaadin, Tomcat on a random
 * port, every platform service, db-scheduler, the brains watcher) with its own beans, settings and connection pool.
 * Several of them on one database are the cluster of {@link TwoNodesOnOneDatabaseIT}.
 * <p>
 * Two contexts in one JVM share what is static: Spring Security's global strategy holder is the one of the node
 * started last (production has one context per JVM). So a test calls a node's services as a principal through
 * {@link #as}, the scoped "acting" principal that every node's strategy answers first, never through the thread's
 * context of one node.
 */
final class ClusterNode implements AutoCloseable {

    final String name;
    final ConfigurableApplicationContext context;
    final int port;

    private ClusterNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "-1"));
    }

    /** Starts a node with these properties (given as command-line arguments, so they win over application.properties). */
    static ClusterNode start(String name, Map<String, String> properties, Class<?>... extraSources) {
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        Class<?>[] sources = new Class<?>[extraSources.length + 1];
        sources[0] = MaxApplication.class;
        System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources)
                // what @SpringBootTest does: the component scan skips test classes and @TestConfiguration classes
                .initializers(c -> c.getBeanFactory().registerSingleton("clusterNodeTestTypeExcludeFilter",
                        new TestClassesExcluded()))
                .run(args.toArray(String[]::new));
        return new ClusterNode(name, context);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Runs work on this thread as the principal (for any node's services). */
    static <T> T as(MaxPrincipal principal, Supplier<T> work) {
        return ActingAuthentication.callAs(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()), work);
    }

    /**
     * The node dies as a killed process would: its connection pool is shut at once (whatever it was doing can no
     * longer write anything), then the rest of it stops. Nothing of it runs a clean-up against the database.
     */
    void kill() {
        context.getBeansOfType(HikariDataSource.class).values().forEach(HikariDataSource::close);
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }

    /** Test classes, their nested classes and {@code @TestComponent}s (so {@code @TestConfiguration}s) are not scanned. */
    static final class TestClassesExcluded extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            if (isTestType(reader)) {
                return true;
            }
            String enclosing = reader.getClassMetadata().getEnclosingClassName();
            while (enclosing != null) {
                MetadataReader outer = factory.getMetadataReader(enclosing);
                if (isTestType(outer)) {
                    return true;
                }
                enclosing = outer.getClassMetadata().getEnclosingClassName();
            }
            return false;
        }

        private static boolean isTestType(MetadataReader reader) {
            var metadata = reader.getAnnotationMetadata();
            return metadata.isAnnotated(TestComponent.class.getName())
                    || metadata.isAnnotated(SpringBootTest.class.getName())
                    || metadata.hasAnnotatedMethods(Test.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }
}
