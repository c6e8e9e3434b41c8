package fr.macrea.max.wallet;

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

    private static final Map<String, Integer> TOKENS = new LinkedHashMap<>();
    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        put(LEAD_ANALYSIS, "Analyse de leads", 2);
        put(NEWSLETTER, "Création de newsletter", 10);
        put(WHATSAPP, "Message WhatsApp", 5);
        put(N8N_AUTOMATION, "Automatisation n8n", 8);
        put(AUTO_FOLLOW_UP, "Relance automatique (n8n)", 15);
        put(AI_CALL, "Appel IA", 100);
    }

    private DefaultPrices() {
    }

    private static void put(String id, String label, int tokens) {
        TOKENS.put(id, tokens);
        LABELS.put(id, label);
    }

    public static Map<String, Integer> tokens() {
        return Map.copyOf(TOKENS);
    }

    public static String label(String actionId) {
        return LABELS.getOrDefault(actionId, actionId);
    }

    static Iterable<Map.Entry<String, Integer>> entries() {
        return TOKENS.entrySet();
    }
}
