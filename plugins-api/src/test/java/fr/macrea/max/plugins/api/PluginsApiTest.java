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

    @Test
    void json_reader_is_strict() {
        assertThat(new Json("{\"a\": [1, -2.5e3, true, null, \"\\u00e9\"]}").parseDocument()).isNotNull();
        for (String bad : new String[]{"{", "{\"a\":}", "[1,]", "{} x", "'a'", "{\"a\" 1}"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Json(bad).parseDocument())
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
