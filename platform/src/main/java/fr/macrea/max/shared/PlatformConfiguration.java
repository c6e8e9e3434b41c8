package fr.macrea.max.shared;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

import java.time.Clock;

/** Platform-wide defaults (migrations location, ...) and the clock every feature reads time from. */
@Configuration
@ConfigurationPropertiesScan("fr.macrea.max")
@PropertySource("classpath:max-platform.properties")
public class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
