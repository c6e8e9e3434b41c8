package fr.macrea.max.plugins.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class PluginsApiTest {

    @Test
    void the_version_constant_is_the_root_pom_property() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/plugins-api-version.properties")) {
            p.load(in);
        }
        assertThat(PluginsApi.VERSION).isEqualTo(p.getProperty("version"));
    }
}
