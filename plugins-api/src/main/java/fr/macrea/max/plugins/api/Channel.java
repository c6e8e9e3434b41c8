package fr.macrea.max.plugins.api;

/**
 * Where a message or an action goes.
 *
 * @since 1.0
 */
public enum Channel {
    NEWSLETTER, EMAIL, WHATSAPP, SMS, CALL_SCRIPT, TASK
}
