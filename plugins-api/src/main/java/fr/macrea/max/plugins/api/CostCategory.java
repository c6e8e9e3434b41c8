package fr.macrea.max.plugins.api;

/**
 * The line of the tenant's price table an action is charged on (SPEC §5). The host owns the prices.
 *
 * @since 1.0
 */
public enum CostCategory {
    LEAD_ANALYSIS, NEWSLETTER, WHATSAPP_MESSAGE, N8N_AUTOMATION, AUTO_FOLLOW_UP, AI_CALL
}
