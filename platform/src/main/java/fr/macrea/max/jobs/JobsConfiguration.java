package fr.macrea.max.jobs;

import com.github.kagkarlsson.scheduler.boot.autoconfigure.Jackson3Serializer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * Wiring of db-scheduler (the starter builds the scheduler from the {@code db-scheduler.*} properties of
 * max-platform.properties and every {@code Task} bean).
 */
@Configuration
class JobsConfiguration {

    /** Task data as JSON, not the default Java serialisation: readable in the table and safe to deserialise. */
    @Bean
    DbSchedulerCustomizer dbSchedulerCustomizer() {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(new Jackson3Serializer());
            }
        };
    }
}
