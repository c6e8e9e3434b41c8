package fr.macrea.max.crm;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduled replica pull (off with {@code max.crm.sync.scheduled=false}). */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "max.crm.sync.scheduled", havingValue = "true", matchIfMissing = true)
class CrmConfiguration {
}
