package fr.macrea.max.brain.child;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The class loader a brain gets in the inspection child, tried here on the full test class path: even where the
 * platform, Spring, jOOQ and JDBC drivers are present, a brain sees the JDK, PF4J and plugins-api only.
 */
class BrainClassLoaderTest {

    @Test
    void a_brain_sees_the_jdk_pf4j_and_the_api_but_nothing_else_of_the_host() throws Exception {
        org.pf4j.PluginClassLoader loader = new BrainClassLoader(new org.pf4j.DefaultPluginManager(),
                new org.pf4j.DefaultPluginDescriptor(), getClass().getClassLoader());
        try (loader) {
            assertThat(loader.loadClass("java.util.List")).isSameAs(java.util.List.class);
            assertThat(loader.loadClass("java.sql.Connection")).isSameAs(java.sql.Connection.class);
            assertThat(loader.loadClass("org.pf4j.Extension")).isSameAs(org.pf4j.Extension.class);
            assertThat(loader.loadClass("fr.macrea.max.plugins.api.Brain")).isSameAs(fr.macrea.max.plugins.api.Brain.class);
            for (String host : List.of("fr.macrea.max.brain.BrainManager", "fr.macrea.max.brain.child.BrainChild",
                    "fr.macrea.max.shared.Message", "org.springframework.context.ApplicationContext",
                    "org.jooq.DSLContext", "com.mysql.cj.jdbc.Driver", "org.h2.Driver",
                    "tools.jackson.databind.json.JsonMapper")) {
                assertThat(Class.forName(host)).as("the host itself has " + host).isNotNull();
                assertThatThrownBy(() -> loader.loadClass(host)).as(host)
                        .isInstanceOf(BrainClassLoader.HostClassRefusedException.class);
            }
            assertThat(getClass().getClassLoader().getResource("max-platform.properties")).as("a host resource").isNotNull();
            assertThat(loader.getResource("max-platform.properties")).as("not visible to brains").isNull();
            assertThat(java.util.Collections.list(loader.getResources("db/platform/V60__brain_state.sql"))).isEmpty();
        }
    }
}
