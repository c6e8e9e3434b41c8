package fr.macrea.max.wallet;

import fr.macrea.max.shared.Message;

import java.util.LinkedHashMap;
import java.util.Map;

/** The default price table of SPEC §5, copied into each new tenant's own table. Keys are action ids. */
public final class DefaultPrices {

    public static final String LEAD_ANALYSIS = "lead.analysis";
    public static final String NEWSLETTER = "newsletter.create";
    public static final String WHATSAPP = "whatsapp.message";
    public static final String N8N_AUTOMATION = "automation.n8n";
    public static final String AUTO_FOLLOW_UP = "automation.follow-up";
    public static final String AI_CALL = "ai.call";
    public static final String FIELDS_REBUILD = "fields.rebuild";
    /** Priced per started 100 eligible recipients (the action's units). */
    public static final String CAMPAIGN_SEND = "campaign.send";

    private static final Map<String, Integer> TOKENS = new LinkedHashMap<>();
    private static final Map<String, String> LABEL_KEYS = new LinkedHashMap<>();

    static {
        put(LEAD_ANALYSIS, "wallet.price.lead.analysis", 2);
        put(NEWSLETTER, "wallet.price.newsletter.create", 10);
        put(WHATSAPP, "wallet.price.whatsapp.message", 5);
        put(N8N_AUTOMATION, "wallet.price.automation.n8n", 8);
        put(AUTO_FOLLOW_UP, "wallet.price.automation.follow-up", 15);
        put(AI_CALL, "wallet.price.ai.call", 100);
        put(FIELDS_REBUILD, "wallet.price.fields.rebuild", 20);
        put(CAMPAIGN_SEND, "wallet.price.campaign.send", 1);
    }

    private DefaultPrices() {
    }

    private static void put(String id, String labelKey, int tokens) {
        TOKENS.put(id, tokens);
        LABEL_KEYS.put(id, labelKey);
    }

    public static Map<String, Integer> tokens() {
        return Map.copyOf(TOKENS);
    }

    /** The action's name in the price table; an action priced by an admin but without a default shows its id. */
    public static Message label(String actionId) {
        String key = LABEL_KEYS.get(actionId);
        return key == null ? Message.of("wallet.price.unnamed", actionId) : Message.of(key);
    }

    static Iterable<Map.Entry<String, Integer>> entries() {
        return TOKENS.entrySet();
    }
}
