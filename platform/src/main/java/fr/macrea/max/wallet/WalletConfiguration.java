package fr.macrea.max.wallet;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The sweeper runs on Spring's scheduler. */
@Configuration
@EnableScheduling
class WalletConfiguration {
}
