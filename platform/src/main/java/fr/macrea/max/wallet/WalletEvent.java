package fr.macrea.max.wallet;

import fr.macrea.max.event.TenantEvent;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.TenantId;

import java.time.Instant;
import java.util.Map;

/**
 * Wallet facts for the activity feed and notifications: {@code wallet.allowance.80}, {@code wallet.allowance.100}
 * (once per period each) and {@code wallet.topped-up}. The {@code message} is what the UI renders in the user's
 * language; the {@code summary} is the same message in French, for SSE clients and the feed's stored text.
 */
public record WalletEvent(TenantId tenant, String type, String summary, Message message, Instant occurredAt,
                          Map<String, Object> data) implements TenantEvent {

    public static final String ALLOWANCE_80 = "wallet.allowance.80";
    public static final String ALLOWANCE_100 = "wallet.allowance.100";
    public static final String TOPPED_UP = "wallet.topped-up";

    public WalletEvent {
        data = Map.copyOf(data);
    }

    /** The event of a message, its summary being the French rendering of it. */
    public static WalletEvent of(TenantId tenant, String type, Message message, Instant occurredAt,
                                 Map<String, Object> data) {
        return new WalletEvent(tenant, type, FrenchMessages.render(message), message, occurredAt, data);
    }
}
