package fr.macrea.max.action;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param timeout   default execution time limit of an action (an action may set its own); keep it well below
 *                  {@code max.wallet.reservation-ttl}
 * @param undoWindow how long an AI write can be undone
 */
@ConfigurationProperties("max.action")
public record ActionProperties(@DefaultValue("PT30S") Duration timeout, @DefaultValue("PT24H") Duration undoWindow) {
}
