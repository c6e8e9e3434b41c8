package fr.macrea.max.security;

import fr.macrea.max.action.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    // 3 failures per address, 5 per account, both back within 15 minutes
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginProperties(3, 5, Duration.ofMinutes(15), 1000, List.of()), clock);

    private void fail(LoginKey key) {
        throttle.acquire(key);
        throttle.failed(key);
    }

    @Test
    void an_address_that_spent_its_budget_is_refused_even_before_the_password_until_an_attempt_comes_back() {
        LoginKey attacker = LoginKey.of("marie@qmix-paris.fr", "203.0.113.9");
        for (int i = 0; i < 3; i++) {
            fail(attacker);
        }

        assertThatThrownBy(() -> throttle.acquire(attacker))
                .isInstanceOfSatisfying(LoginThrottledException.class, e -> assertThat(e.retryAfter())
                        .isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5).plusSeconds(1)));

        clock.advance(Duration.ofMinutes(5).plusSeconds(1)); // one attempt per 15 min / 3
        assertThatCode(() -> throttle.acquire(attacker)).doesNotThrowAnyException();
        throttle.failed(attacker);
        assertThatThrownBy(() -> throttle.acquire(attacker)).isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void one_foreign_address_cannot_lock_the_real_user_out_nor_bother_other_accounts() {
        LoginKey attacker = LoginKey.of("marie@qmix-paris.fr", "203.0.113.9");
        for (int i = 0; i < 3; i++) {
            fail(attacker);
        }
        assertThatThrownBy(() -> throttle.acquire(attacker)).isInstanceOf(LoginThrottledException.class);

        // the real user, from her own address, still signs in; so does another user elsewhere
        LoginKey realUser = LoginKey.of("Marie@QMix-Paris.fr ", "198.51.100.20");
        assertThatCode(() -> throttle.acquire(realUser)).doesNotThrowAnyException();
        throttle.succeeded(realUser);
        LoginKey other = LoginKey.of("karim@transexpress-lyon.fr", "198.51.100.30");
        assertThatCode(() -> throttle.acquire(other)).doesNotThrowAnyException();
    }

    @Test
    void failures_from_several_addresses_lock_the_account_without_spending_a_fresh_address() {
        for (int i = 1; i <= 5; i++) {
            fail(LoginKey.of("lea@atelier-zen.fr", "203.0.113." + i));
        }

        LoginKey fresh = LoginKey.of("lea@atelier-zen.fr", "198.51.100.7");
        assertThatThrownBy(() -> throttle.acquire(fresh)).isInstanceOf(LoginThrottledException.class);
        // the refusal took nothing from that address: its three attempts are intact for other accounts
        for (int i = 0; i < 3; i++) {
            fail(LoginKey.of("karim@transexpress-lyon.fr", "198.51.100.7"));
        }
        assertThatThrownBy(() -> throttle.acquire(LoginKey.of("karim@transexpress-lyon.fr", "198.51.100.7")))
                .isInstanceOf(LoginThrottledException.class);

        clock.advance(Duration.ofMinutes(3)); // one account attempt per 15 min / 5
        assertThatCode(() -> throttle.acquire(LoginKey.of("lea@atelier-zen.fr", "198.51.100.8")))
                .doesNotThrowAnyException();
    }

    @Test
    void a_successful_sign_in_gives_the_attempt_back_and_starts_the_account_afresh() {
        LoginKey user = LoginKey.of("karim@transexpress-lyon.fr", "198.51.100.30");
        fail(user);
        fail(user);
        throttle.acquire(user);
        throttle.succeeded(user);

        // two failures still count for the address (3 in all), none for the account
        fail(user);
        assertThatThrownBy(() -> throttle.acquire(user)).isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void an_attempt_that_could_not_be_judged_is_not_counted() {
        LoginKey user = LoginKey.of("karim@transexpress-lyon.fr", "198.51.100.30");
        for (int i = 0; i < 10; i++) {
            throttle.acquire(user);
            throttle.abandoned(user); // the database was down: not the user's fault
        }
        assertThatCode(() -> throttle.acquire(user)).doesNotThrowAnyException();
    }

    @Test
    void a_burst_of_sign_ins_still_being_checked_is_told_to_retry_at_once_not_locked() {
        LoginKey client = LoginKey.of("api@qmix-paris.fr", "198.51.100.40");
        for (int i = 0; i < 3; i++) {
            throttle.acquire(client); // three password checks in progress
        }

        assertThatThrownBy(() -> throttle.acquire(client))
                .isInstanceOfSatisfying(LoginThrottledException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));

        for (int i = 0; i < 3; i++) {
            throttle.succeeded(client);
        }
        assertThatCode(() -> throttle.acquire(client)).doesNotThrowAnyException();
    }

    @Test
    void parallel_guesses_are_all_counted() throws Exception {
        LoginThrottle tenPerAddress = new LoginThrottle(
                new LoginProperties(10, 100, Duration.ofMinutes(15), 1000, List.of()), clock);
        LoginKey attacker = LoginKey.of("admin@macrea.fr", "203.0.113.50");
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> guess = () -> {
            start.await();
            try {
                tenPerAddress.acquire(attacker);
                tenPerAddress.failed(attacker);
                return true;
            } catch (LoginThrottledException refused) {
                return false;
            }
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> results = IntStream.range(0, 50).mapToObj(i -> pool.submit(guess)).toList();
            start.countDown();
            long checked = 0;
            for (Future<Boolean> result : results) {
                checked += result.get() ? 1 : 0;
            }
            assertThat(checked).isEqualTo(10);
        }
    }

    @Test
    void an_ipv6_client_counts_by_its_64_prefix_and_names_are_safe_in_a_log_line() {
        assertThat(LoginKey.of("a", "2001:db8:1:2:aaaa::1").address())
                .isEqualTo(LoginKey.of("a", "2001:db8:1:2:bbbb:cccc:dddd:eeee").address())
                .isNotEqualTo(LoginKey.of("a", "2001:db8:1:3::1").address());
        assertThat(LoginKey.of("evil\r\nlogin ok account=admin", "10.0.0.1").account()).doesNotContain("\n", "\r");
        assertThat(LoginKey.of("x".repeat(10_000), "10.0.0.1").account()).hasSizeLessThanOrEqualTo(120);
    }
}
