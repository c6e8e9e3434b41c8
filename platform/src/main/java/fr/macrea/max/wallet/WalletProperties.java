package fr.macrea.max.wallet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * @param packSize        tokens added by one pack (SPEC §5: +500)
 * @param packPriceEur    price of one pack; also the euro value of a Standard tenant's tokens (Standard has no
 *                        subscription price of its own)
 * @param reservationTtl  a reservation not committed or refunded within this time is refunded by the sweeper; it
 *                        must exceed the longest action timeout
 * @param reserveWriters  group commit: reservation batches of one tenant in flight at once on a node (they queue on
 *                        the hot row's lock, but their inserts run side by side; measured, docs/benchmarks.md)
 * @param commitWriters   group commit: commit batches of one tenant in flight at once on a node (they touch only
 *                        their reservations' rows, so more of them overlap)
 */
@ConfigurationProperties("max.wallet")
public record WalletProperties(
        @DefaultValue("500") int packSize,
        @DefaultValue("49") BigDecimal packPriceEur,
        @DefaultValue("PT5M") Duration reservationTtl,
        @DefaultValue("2") int reserveWriters,
        @DefaultValue("4") int commitWriters) {

    public WalletProperties {
        if (reserveWriters < 1 || commitWriters < 1) {
            throw new IllegalArgumentException("max.wallet.reserve-writers and commit-writers must be at least 1");
        }
    }
}
