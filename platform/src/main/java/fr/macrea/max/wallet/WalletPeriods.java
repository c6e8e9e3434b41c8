package fr.macrea.max.wallet;

import fr.macrea.max.shared.Message;

import fr.macrea.max.db.platform.tables.records.WalletRecord;
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
    WalletRecord ensureCurrentPeriod() {
        LocalDate period = currentPeriod();
        WalletRecord wallet = repository.find().orElse(null);
        if (wallet != null && wallet.getPeriodStart().equals(period)) {
            return wallet;
        }
        Plan plan = tenants.current().plan();
        if (wallet == null) {
            grantIfAbsent(plan);
        }
        wallet = repository.lock().orElseThrow();
        if (wallet.getPeriodStart().isBefore(period)) {
            int allowanceLeft = Math.max(0, wallet.getAllowanceTokens() - wallet.getSpent());
            int packLeft = wallet.getPackTokens() - Math.max(0, wallet.getSpent() - wallet.getAllowanceTokens());
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

    WalletBalance toBalance(WalletRecord w, Plan plan) {
        int allowanceLeft = Math.max(0, w.getAllowanceTokens() - w.getSpent());
        int packLeft = w.getPackTokens() - Math.max(0, w.getSpent() - w.getAllowanceTokens());
        return new WalletBalance(w.getPeriodStart(), w.getAllowanceTokens(), allowanceLeft, packLeft, w.getSpent(),
                Plans.euroPerToken(plan, properties.packSize(), properties.packPriceEur()));
    }

    LocalDate currentPeriod() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
    }
}
