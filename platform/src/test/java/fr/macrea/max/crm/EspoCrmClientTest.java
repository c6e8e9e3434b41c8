package fr.macrea.max.crm;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The EspoCRM REST client against the faithful fake: auth modes, errors, duplicates, paging, retries. */
class EspoCrmClientTest {

    private EspoCrmFake fake;

    @BeforeEach
    void start() {
        fake = new EspoCrmFake();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private EspoCrmClient client(EspoSettings settings) {
        Retry retry = Retry.of("test", RetryConfig.custom().maxAttempts(3)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(5), 2.0))
                .retryExceptions(EspoCrmClient.Transient.class).build());
        return new EspoCrmClient(settings, HttpClient.newHttpClient(), retry, Duration.ofSeconds(5));
    }

    private EspoCrmClient client() {
        return client(fake.apiKeySettings());
    }

    @Test
    void createsAndReadsWithApiKey() {
        Map<String, Object> created = client().create("Lead", Map.of("firstName", "Léa", "lastName", "Martin"), false);
        assertThat(created.get("id").toString()).matches("[0-9a-f]{17}");
        assertThat(created).containsEntry("status", "New");
        assertThat(client().read("Lead", created.get("id").toString())).containsEntry("lastName", "Martin");
    }

    @Test
    void hmacWorksWithHexAndLegacyRawDigests() {
        fake.hmacEncodings(false, true);
        var hex = new EspoSettings(fake.baseUrl(), EspoSettings.AuthMode.HMAC, EspoSettings.HmacDigest.HEX,
                EspoCrmFake.API_KEY, EspoCrmFake.SECRET, true);
        var raw = new EspoSettings(fake.baseUrl(), EspoSettings.AuthMode.HMAC, EspoSettings.HmacDigest.RAW,
                EspoCrmFake.API_KEY, EspoCrmFake.SECRET, true);
        assertThat(client(hex).list("Lead", List.of(), "createdAt", "asc", 0, 10, true).total()).isZero();
        assertThatThrownBy(() -> client(raw).list("Lead", List.of(), "createdAt", "asc", 0, 10, true))
                .isInstanceOf(CrmAccessException.class);
        fake.hmacEncodings(true, false); // EspoCRM 8.1.5 accepts only the raw digest
        assertThat(client(raw).list("Lead", List.of(), "createdAt", "asc", 0, 10, true).total()).isZero();
    }

    @Test
    void wrongKeyIsAClearAccessErrorWithoutRetry() {
        var wrong = new EspoSettings(fake.baseUrl(), EspoSettings.AuthMode.API_KEY, null, "nope", null, true);
        assertThatThrownBy(() -> client(wrong).read("Lead", "abc"))
                .isInstanceOf(CrmAccessException.class).hasMessageContaining("identifiants");
        assertThat(fake.requests.get()).isEqualTo(1);
    }

    @Test
    void notFoundAndValidationErrorsAreTypedAndNeverRetried() {
        assertThatThrownBy(() -> client().read("Lead", "0123456789abcdef0"))
                .isInstanceOf(CrmNotFoundException.class).hasMessageContaining("0123456789abcdef0");
        assertThatThrownBy(() -> client().create("Lead", Map.of("lastName", "X", "status", "Bogus"), false))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("« status »");
        assertThat(fake.requests.get()).isEqualTo(2);
    }

    @Test
    void duplicatesCarryTheExistingRecordsAndCanBeForced() {
        client().create("Lead", Map.of("firstName", "Jean", "lastName", "Dupont", "emailAddress", "jean@dupont.fr"), false);
        assertThatThrownBy(() -> client().create("Lead", Map.of("lastName", "Autre", "emailAddress", "JEAN@dupont.fr"), false))
                .isInstanceOfSatisfying(CrmDuplicateException.class,
                        e -> assertThat(e.duplicates()).singleElement().satisfies(d -> assertThat(d).containsEntry("lastName", "Dupont")));
        assertThat(client().create("Lead", Map.of("lastName", "Autre", "emailAddress", "JEAN@dupont.fr"), true)).containsKey("id");
    }

    @Test
    void listsPageBy200AndRefuseMore() {
        for (int i = 0; i < 205; i++) {
            fake.put("Lead", Map.of("lastName", "N" + i));
        }
        var first = client().list("Lead", List.of(), "createdAt", "asc", 0, 200, true);
        assertThat(first.total()).isEqualTo(205);
        assertThat(first.list()).hasSize(200);
        assertThat(client().list("Lead", List.of(), "createdAt", "asc", 200, 200, false).total()).isEqualTo(-1);
        assertThatThrownBy(() -> client().list("Lead", List.of(), "createdAt", "asc", 0, 201, true))
                .isInstanceOf(CrmAccessException.class).hasMessageContaining("200");
    }

    @Test
    void serverErrorsAreRetriedABoundedNumberOfTimes() {
        fake.failNext(2);
        assertThat(client().create("Account", Map.of("name", "ACME"), false)).containsKey("id");
        assertThat(fake.requests.get()).isEqualTo(3);

        fake.requests.set(0);
        fake.down(true);
        assertThatThrownBy(() -> client().create("Account", Map.of("name", "Other"), false))
                .isInstanceOf(CrmUnavailableException.class).hasMessageContaining("rien n'a été modifié");
        assertThat(fake.requests.get()).isEqualTo(3);
        assertThat(fake.data.get("Account")).hasSize(1);
    }

    @Test
    void softDeleteHidesTheRecord() {
        String id = client().create("Lead", Map.of("lastName", "Temp"), false).get("id").toString();
        client().delete("Lead", id);
        assertThat(fake.get("Lead", id)).containsEntry("deleted", true);
        assertThatThrownBy(() -> client().read("Lead", id)).isInstanceOf(CrmNotFoundException.class);
    }
}
