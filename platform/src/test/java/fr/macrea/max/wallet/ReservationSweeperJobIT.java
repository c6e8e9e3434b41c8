package fr.macrea.max.wallet;

import fr.macrea.max.testing.Await;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own scheduler runs the reservation sweeper from {@code scheduled_tasks}: an abandoned
 * reservation is refunded without any test calling the sweeper, and the job's row records the run.
 */
class ReservationSweeperJobIT extends PlatformIT {

    private static final TaskInstanceId JOB = TaskInstanceId.of(WalletConfiguration.SWEEPER_JOB, RecurringTask.INSTANCE);

    @Autowired
    private TenantService tenants;
    @Autowired
    private WalletService wallet;
    @Autowired
    private WalletReservations charges;
    @Autowired
    private Scheduler scheduler;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theScheduledSweeperRefundsAnExpiredReservation() throws Exception {
        Tenant tenant = TestTenants.create(tenants, "Balayage", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        Reservation killed = charges.reserve("killed-by-a-crash", 30, "action tuée");
        assertThat(wallet.balance().total()).isEqualTo(470);
        expire(killed.id());

        // the job is registered in the table; bring its next run forward instead of waiting for the interval
        Instant before = Instant.now();
        assertThat(scheduler.getScheduledExecution(JOB)).as("sweeper job row").isPresent();
        Await.until(() -> {
            try {
                return scheduler.reschedule(JOB, Instant.now());
            } catch (TaskInstanceCurrentlyExecutingException running) {
                return false; // another test context's scheduler is running it: try again once it is done
            }
        }, Duration.ofSeconds(60));

        Await.until(() -> wallet.balance().total() == 500, Duration.ofSeconds(40));
        assertThat(wallet.ledger(10)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("REFUND");
            assertThat(e.delta()).isEqualTo(30);
        });
        assertThat(wallet.audit().held()).isZero();
        // the run records its success once every tenant is swept (another test's tenants may still be in the loop)
        try {
            Await.until(() -> scheduler.getScheduledExecution(JOB).map(ScheduledExecution::getLastSuccess)
                    .filter(t -> !t.isBefore(before.minusSeconds(1))).isPresent(), Duration.ofSeconds(60));
        } catch (AssertionError e) {
            throw new AssertionError("no success recorded since " + before + ": " + row(), e);
        }
        assertThat(scheduler.getScheduledExecution(JOB).orElseThrow().getExecutionTime())
                .as("next run scheduled").isAfter(before);
    }

    private static String row() {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT * FROM scheduled_tasks WHERE task_name = ?")) {
            s.setString(1, WalletConfiguration.SWEEPER_JOB);
            try (var rs = s.executeQuery()) {
                StringBuilder row = new StringBuilder();
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        if (!"task_data".equals(rs.getMetaData().getColumnLabel(i))) {
                            row.append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getString(i)).append(' ');
                        }
                    }
                }
                return row.toString();
            }
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** A crash long ago: the reservation's time to live is over for every node's clock. */
    private static void expire(long reservationId) throws Exception {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("UPDATE wallet_reservation SET expires_at = ? WHERE id = ?")) {
            s.setObject(1, java.time.LocalDateTime.of(2020, 1, 1, 0, 0));
            s.setLong(2, reservationId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
