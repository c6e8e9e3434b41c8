package fr.macrea.max.wallet;

import fr.macrea.max.shared.Message;

import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.TenantService;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The wallet row of the current tenant in its current monthly period: created on first use, moved to a new month
 * (unused allowance expires, pack tokens roll over, the plan's allowance is granted) under its row lock. Shared by
 * the balance side ({@link WalletService}) and the reservation side ({@link WalletReservations}).
 */
@Component
class WalletPeriods {

    private final WalletRepository repository;
    private final TenantService tenants;
    private final WalletProperties properties;
    private final Clock clock;

    WalletPeriods(WalletRepository repository, TenantService tenants, WalletProperties properties, Clock clock) {
        this.repository = repository;
        this.tenants = tenants;
        this.properties = properties;
        this.clock = clock;
    }

    /** Inside a transaction: the wallet row, created or moved to the current period under its row lock. */
    WalletRow ensureCurrentPeriod() {
        LocalDate period = currentPeriod();
        WalletRow wallet = repository.find().orElse(null);
        if (wallet != null && wallet.periodStart().equals(period)) {
            return wallet;
        }
        Plan plan = tenants.current().plan();
        if (wallet == null) {
            grantIfAbsent(plan);
        }
        wallet = repository.lock().orElseThrow();
        if (wallet.periodStart().isBefore(period)) {
            int allowanceLeft = wallet.allowanceLeft();
            int packLeft = wallet.packLeft();
            Instant now = clock.instant();
            if (allowanceLeft > 0) {
                repository.ledger("EXPIRY", -allowanceLeft, null, WalletLedger.reason(Message.of("wallet.ledger.expiry")),
                        now);
            }
            int allowance = Plans.monthlyAllowance(plan);
            repository.startPeriod(period, allowance, packLeft);
            repository.ledger("GRANT", allowance, null, WalletLedger.grant(plan), now);
            wallet = repository.find().orElseThrow();
        }
        return wallet;
    }

    /** Creates the wallet with the plan's allowance if it has none yet; true if it did. */
    boolean grantIfAbsent(Plan plan) {
        if (repository.insertIfAbsent(currentPeriod(), Plans.monthlyAllowance(plan))) {
            repository.ledger("GRANT", Plans.monthlyAllowance(plan), null, WalletLedger.grant(plan), clock.instant());
            return true;
        }
        return false;
    }

    WalletBalance toBalance(WalletRow w, Plan plan) {
        return new WalletBalance(w.periodStart(), w.allowanceTokens(), w.allowanceLeft(), w.packLeft(), w.spent(),
                Plans.euroPerToken(plan, properties.packSize(), properties.packPriceEur()));
    }

    LocalDate currentPeriod() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
    }
}
