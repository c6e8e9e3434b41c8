package fr.macrea.max.demo.crm;

import fr.macrea.max.crm.CrmSearch;
import fr.macrea.max.persistence.TenantDsl;
import tools.jackson.databind.json.JsonMapper;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static fr.macrea.max.db.crm.Tables.ACCOUNT;
import static fr.macrea.max.db.crm.Tables.ARRAY_VALUE;
import static fr.macrea.max.db.crm.Tables.CALL;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN_LOG_RECORD;
import static fr.macrea.max.db.crm.Tables.CONTACT;
import static fr.macrea.max.db.crm.Tables.EMAIL;
import static fr.macrea.max.db.crm.Tables.EMAIL_ADDRESS;
import static fr.macrea.max.db.crm.Tables.EMAIL_TEMPLATE;
import static fr.macrea.max.db.crm.Tables.EMAIL_TEMPLATE_CATEGORY;
import static fr.macrea.max.db.crm.Tables.ENTITY_EMAIL_ADDRESS;
import static fr.macrea.max.db.crm.Tables.ENTITY_PHONE_NUMBER;
import static fr.macrea.max.db.crm.Tables.LEAD;
import static fr.macrea.max.db.crm.Tables.LEAD_TARGET_LIST;
import static fr.macrea.max.db.crm.Tables.MEETING;
import static fr.macrea.max.db.crm.Tables.NOTE;
import static fr.macrea.max.db.crm.Tables.PHONE_NUMBER;
import static fr.macrea.max.db.crm.Tables.TARGET_LIST;
import static fr.macrea.max.db.crm.Tables.TASK;
import static fr.macrea.max.db.crm.Tables.USER;

/**
 * Realistic French CRM data for one tenant, per vertical: users, accounts, leads and contacts (names, companies,
 * cities, statuses, sources, tags, e-mails, phones, opt-outs), campaigns with sent/opened/clicked log records, target
 * lists, e-mail templates, and activities (notes, tasks, calls, meetings, e-mails). Written straight into the
 * current tenant's schema with multi-row INSERTs, so that {@code 200 000} leads and {@code 1 000 000} activities take
 * minutes on MariaDB (benchmark datasets) and a demo tenant a second on H2. Deterministic for a given seed.
 */
@Service
public class CrmDatasetGenerator {

    private static final Logger log = LoggerFactory.getLogger(CrmDatasetGenerator.class);

    /**
     * What to generate. {@code activities} is the total of notes, tasks, calls, meetings, e-mails and campaign log
     * records. {@code vertical}: {@code ecommerce}, {@code beaute}, {@code logistique}, {@code coaching} (else generic).
     */
    public record DatasetSpec(String vertical, int leads, int contacts, int accounts, int campaigns, int activities,
                              long seed) {

        public DatasetSpec {
            if (leads < 0 || contacts < 0 || accounts < 0 || campaigns < 0 || activities < 0) {
                throw new IllegalArgumentException("dataset volumes must not be negative");
            }
        }

        /** A demo tenant: a few hundred leads and their history. */
        public static DatasetSpec demo(String vertical, long seed) {
            return new DatasetSpec(vertical, 300, 80, 40, 4, 2_000, seed);
        }

        /** The benchmark tenant of SPEC §12: 200 000 leads, 1 000 000 activity rows. */
        public static DatasetSpec benchmark(String vertical) {
            return new DatasetSpec(vertical, 200_000, 20_000, 10_000, 20, 1_000_000, 42);
        }
    }

    /** Rows written, per table family, and how long it took. */
    public record DatasetReport(int users, int accounts, int leads, int contacts, int campaigns, long activities,
                                long totalRows, Duration elapsed) {
    }

    private final TenantDsl tenantDsl;
    private final Clock clock;

    CrmDatasetGenerator(TenantDsl tenantDsl, Clock clock) {
        this.tenantDsl = tenantDsl;
        this.clock = clock;
    }

    /** Whether the current tenant's CRM already holds leads (seeders use it to stay idempotent). */
    public boolean hasLeads() {
        return tenantDsl.crm().fetchExists(LEAD);
    }

    /** Generates the dataset into the current tenant's CRM schema. */
    public DatasetReport generate(DatasetSpec spec) {
        long started = System.nanoTime();
        DatasetRun run = new DatasetRun(tenantDsl.crm(), tenantDsl.crmSchemaName(), spec, clock);
        run.all();
        CrmSearch.fillMissing(tenantDsl.crm()); // bulk inserts bypass the write paths: give the rows their search words
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        log.info("CRM dataset {} generated: {} rows in {} s", spec, run.rows, elapsed.toSeconds());
        return new DatasetReport(run.users.size(), spec.accounts(), spec.leads(), spec.contacts(), spec.campaigns(),
                run.activities, run.rows, elapsed);
    }
}
