package fr.macrea.max.wallet;

import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;
import fr.macrea.max.testing.Texts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the tenant is told when its monthly allowance runs out: packs take over, or AI actions stop. */
class WalletThresholdsTest {

    private static final LocalDate PERIOD = LocalDate.of(2026, 12, 1);
    private static final TenantId TENANT = new TenantId(7);

    @Test
    void with_pack_tokens_left_the_packs_take_over_and_the_message_says_how_many() {
        WalletEvent spent = allowanceSpentEvent(new WalletRow(PERIOD, 1000, 500, 1120, true, false));

        assertThat(spent.summary()).isEqualTo(
                "L’allocation mensuelle de jetons est épuisée : les packs prennent le relais (380 jeton(s) de packs "
                        + "restant(s)).");
        assertThat(Texts.en(spent.message())).contains("pack tokens take over").contains("380 pack token(s) left");
        assertThat(spent.data()).containsEntry("packLeft", 380);
    }

    @Test
    void without_pack_tokens_it_is_a_hard_stop_until_the_next_period_or_a_top_up() {
        WalletEvent spent = allowanceSpentEvent(new WalletRow(PERIOD, 1000, 0, 1000, true, false));

        assertThat(spent.summary()).doesNotContain("relais").contains("plus aucune action IA")
                .contains("prochaine période ou une recharge");
        assertThat(Texts.en(spent.message())).contains("no more AI actions until the next period or a top-up");
    }

    @Test
    void packs_spent_to_the_last_token_are_a_hard_stop_too() {
        WalletEvent spent = allowanceSpentEvent(new WalletRow(PERIOD, 1000, 200, 1200, true, false));

        assertThat(spent.summary()).contains("plus aucune action IA");
    }

    @Test
    void the_80_percent_notice_comes_once_and_before_the_allowance_is_spent() {
        Fixture fixture = new Fixture(new WalletRow(PERIOD, 1000, 0, 850, false, false));
        fixture.thresholds.notifyThresholds(null);
        fixture.thresholds.notifyThresholds(null);

        assertThat(fixture.published).extracting(WalletEvent::type).containsExactly(WalletEvent.ALLOWANCE_80);
        assertThat(fixture.published.getFirst().summary()).isEqualTo(
                "80 % de l’allocation mensuelle de jetons est consommée.");
        assertThat(Texts.en(fixture.published.getFirst().message())).isEqualTo(
                "80% of the monthly token allowance is used.");
    }

    private static WalletEvent allowanceSpentEvent(WalletRow wallet) {
        Fixture fixture = new Fixture(wallet);
        fixture.thresholds.notifyThresholds(null);
        assertThat(fixture.published).extracting(WalletEvent::type).containsExactly(WalletEvent.ALLOWANCE_100);
        return fixture.published.getFirst();
    }

    /** The thresholds over a wallet row held in memory; a notification is claimed once, as the row's flag does. */
    private static final class Fixture {

        final List<WalletEvent> published = new ArrayList<>();
        final WalletThresholds thresholds;

        Fixture(WalletRow row) {
            Set<Boolean> claimed = new HashSet<>();
            WalletRepository repository = new WalletRepository(null) {
                @Override
                Optional<WalletRow> find() {
                    return Optional.of(new WalletRow(row.periodStart(), row.allowanceTokens(), row.packTokens(),
                            row.spent(), row.notified80() || claimed.contains(false),
                            row.notified100() || claimed.contains(true)));
                }

                @Override
                boolean claimNotification(LocalDate period, boolean full) {
                    return claimed.add(full);
                }
            };
            TenantContext context = new TenantContext() {
                @Override
                public TenantId current() {
                    return TENANT;
                }
            };
            thresholds = new WalletThresholds(repository, context, event -> published.add((WalletEvent) event),
                    Clock.fixed(Instant.parse("2026-12-15T10:00:00Z"), ZoneOffset.UTC));
        }
    }
}
