package fr.macrea.max.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param batchSize     recipients per batch task (one outbox insert, one db-scheduler execution)
 * @param ratePerSecond messages per second and per tenant (bucket4j), whatever the adapter
 * @param retryAttempts SMTP attempts per message on transient errors (resilience4j)
 * @param retryWait     wait between two SMTP attempts
 * @param planTimeout   time limit of the send action (plan + storing the recipients)
 */
@ConfigurationProperties("max.outbound")
public record OutboundProperties(@DefaultValue("500") int batchSize, @DefaultValue("200") int ratePerSecond,
                                 @DefaultValue("3") int retryAttempts, @DefaultValue("PT0.5S") Duration retryWait,
                                 @DefaultValue("PT5M") Duration planTimeout) {
}
