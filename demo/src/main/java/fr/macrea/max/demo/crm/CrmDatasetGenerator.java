package fr.macrea.max.crm;

import fr.macrea.max.persistence.TenantDsl;
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
                throw new CrmValidationException("Les volumes d'un jeu de données doivent être positifs.");
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
        Run run = new Run(tenantDsl.crm(), tenantDsl.crmSchemaName(), spec, clock);
        run.all();
        CrmSearch.fillMissing(tenantDsl.crm()); // bulk inserts bypass the write paths: give the rows their search words
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        log.info("CRM dataset {} generated: {} rows in {} s", spec, run.rows, elapsed.toSeconds());
        return new DatasetReport(run.users.size(), spec.accounts(), spec.leads(), spec.contacts(), spec.campaigns(),
                run.activities, run.rows, elapsed);
    }

    /** One generation: ids, randomness and buffers. */
    private static final class Run {

        private final DSLContext dsl;
        private final DatasetSpec spec;
        private final Vertical v;
        private final SplittableRandom random;
        private final LocalDateTime now;
        private final long idBase;
        private long idCounter;
        long rows;
        long activities;
        final List<String> users = new ArrayList<>();
        private final List<String> accountIds = new ArrayList<>();
        private final List<String> accountNames = new ArrayList<>();
        private String[] leadIds = new String[0];
        private String[] contactIds = new String[0];
        private final List<String> campaignIds = new ArrayList<>();
        private final List<String> targetListIds = new ArrayList<>();

        private final String schema;

        Run(DSLContext dsl, String schema, DatasetSpec spec, Clock clock) {
            this.dsl = dsl;
            this.schema = fr.macrea.max.shared.SqlIdentifiers.requireSchemaName(schema);
            this.spec = spec;
            this.v = Vertical.of(spec.vertical());
            this.random = new SplittableRandom(spec.seed());
            this.now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0);
            this.idBase = clock.instant().getEpochSecond();
        }

        /** EspoCRM-shaped ids (8 hex seconds + 5 hex µs + 4 hex), unique within the run via a counter. */
        private String id() {
            long n = idCounter++;
            long seconds = idBase + n / 1_000_000;
            long micros = n % 1_000_000;
            char[] out = new char[17];
            hex(out, 0, seconds, 8);
            hex(out, 8, micros, 5);
            hex(out, 13, random.nextInt(0x10000), 4);
            return new String(out);
        }

        private static void hex(char[] out, int at, long value, int digits) {
            for (int i = digits - 1; i >= 0; i--) {
                out[at + i] = Character.forDigit((int) (value & 0xF), 16);
                value >>>= 4;
            }
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        private LocalDateTime past(int maxDays) {
            return now.minusSeconds(random.nextLong(Math.max(1, maxDays) * 86_400L)).withNano(0);
        }

        void all() {
            users();
            accounts();
            templates();
            campaigns();
            leads();
            contacts();
            activities();
        }

        private void users() {
            Batch b = new Batch(USER, USER.ID, USER.DELETED, USER.USER_NAME, USER.TYPE, USER.FIRST_NAME, USER.LAST_NAME,
                    USER.IS_ACTIVE, USER.CREATED_AT, USER.MODIFIED_AT);
            for (int i = 0; i < 5; i++) {
                String first = pick(Names.FIRST);
                String last = pick(Names.LAST);
                String id = id();
                users.add(id);
                b.add(id, (byte) 0, Names.slug(first) + "." + Names.slug(last) + i, "regular", first, last, (byte) 1, past(700), now);
            }
            b.flush();
        }

        private void accounts() {
            Batch b = new Batch(ACCOUNT, ACCOUNT.ID, ACCOUNT.NAME, ACCOUNT.DELETED, ACCOUNT.WEBSITE, ACCOUNT.TYPE,
                    ACCOUNT.INDUSTRY, ACCOUNT.BILLING_ADDRESS_CITY, ACCOUNT.BILLING_ADDRESS_POSTAL_CODE,
                    ACCOUNT.BILLING_ADDRESS_COUNTRY, ACCOUNT.DESCRIPTION, ACCOUNT.CREATED_AT, ACCOUNT.MODIFIED_AT,
                    ACCOUNT.ASSIGNED_USER_ID, ACCOUNT.CREATED_BY_ID);
            for (int i = 0; i < spec.accounts(); i++) {
                String id = id();
                String name = company(i);
                String[] city = pick(Names.CITIES);
                accountIds.add(id);
                accountNames.add(name);
                LocalDateTime created = past(900);
                b.add(id, name, (byte) 0, "https://www." + Names.slug(name) + ".fr", pick(new String[]{"Customer", "Customer", "Partner", "Reseller", ""}),
                        v.industry(), city[0], city[1], "France", null, created, created, pick(users.toArray(String[]::new)), users.get(0));
            }
            b.flush();
        }

        private String company(int i) {
            String base = pick(v.companyPrefixes()) + " " + pick(Names.LAST);
            return i < 2_000 ? base : base + " " + (i / 2_000);
        }

        private void templates() {
            String category = id();
            new Batch(EMAIL_TEMPLATE_CATEGORY, EMAIL_TEMPLATE_CATEGORY.ID, EMAIL_TEMPLATE_CATEGORY.NAME,
                    EMAIL_TEMPLATE_CATEGORY.DELETED, EMAIL_TEMPLATE_CATEGORY.CREATED_AT)
                    .add(category, "Relances " + v.label(), (byte) 0, now).flush();
            Batch b = new Batch(EMAIL_TEMPLATE, EMAIL_TEMPLATE.ID, EMAIL_TEMPLATE.NAME, EMAIL_TEMPLATE.DELETED,
                    EMAIL_TEMPLATE.SUBJECT, EMAIL_TEMPLATE.BODY, EMAIL_TEMPLATE.IS_HTML, EMAIL_TEMPLATE.STATUS,
                    EMAIL_TEMPLATE.CATEGORY_ID, EMAIL_TEMPLATE.CREATED_AT, EMAIL_TEMPLATE.MODIFIED_AT, EMAIL_TEMPLATE.VERSION_NUMBER);
            for (String[] t : v.templates()) {
                b.add(id(), t[0], (byte) 0, t[1], "<p>Bonjour {Lead.firstName},</p><p>" + t[2] + "</p><p>À bientôt,<br>{User.name}</p>",
                        (byte) 1, "Active", category, now, now, 1L);
            }
            b.flush();
        }

        private void campaigns() {
            Batch b = new Batch(CAMPAIGN, CAMPAIGN.ID, CAMPAIGN.NAME, CAMPAIGN.DELETED, CAMPAIGN.STATUS, CAMPAIGN.TYPE,
                    CAMPAIGN.START_DATE, CAMPAIGN.END_DATE, CAMPAIGN.DESCRIPTION, CAMPAIGN.CREATED_AT, CAMPAIGN.MODIFIED_AT,
                    CAMPAIGN.BUDGET, CAMPAIGN.BUDGET_CURRENCY, CAMPAIGN.ASSIGNED_USER_ID);
            Batch lists = new Batch(TARGET_LIST, TARGET_LIST.ID, TARGET_LIST.NAME, TARGET_LIST.DELETED, TARGET_LIST.DESCRIPTION,
                    TARGET_LIST.CREATED_AT, TARGET_LIST.MODIFIED_AT);
            for (int i = 0; i < spec.campaigns(); i++) {
                String id = id();
                campaignIds.add(id);
                LocalDate start = now.toLocalDate().minusDays(random.nextInt(400));
                String name = v.campaigns()[i % v.campaigns().length] + (i >= v.campaigns().length ? " " + (start.getYear()) + "-" + (i + 1) : "");
                b.add(id, name, (byte) 0, start.plusDays(45).isBefore(now.toLocalDate()) ? "Complete" : "Active",
                        pick(new String[]{"Email", "Email", "Newsletter"}), start, start.plusDays(45), "Campagne " + v.label(),
                        start.atStartOfDay(), start.atStartOfDay(), 200.0 + random.nextInt(3_000), "EUR", users.get(0));
                String list = id();
                targetListIds.add(list);
                lists.add(list, "Cibles " + name, (byte) 0, "Liste de diffusion de « " + name + " »", start.atStartOfDay(), start.atStartOfDay());
            }
            b.flush();
            lists.flush();
        }

        private void leads() {
            leadIds = new String[spec.leads()];
            Batch leads = new Batch(LEAD, LEAD.ID, LEAD.DELETED, LEAD.SALUTATION_NAME, LEAD.FIRST_NAME, LEAD.LAST_NAME,
                    LEAD.TITLE, LEAD.STATUS, LEAD.SOURCE, LEAD.INDUSTRY, LEAD.OPPORTUNITY_AMOUNT, LEAD.OPPORTUNITY_AMOUNT_CURRENCY,
                    LEAD.ADDRESS_CITY, LEAD.ADDRESS_POSTAL_CODE, LEAD.ADDRESS_COUNTRY, LEAD.DO_NOT_CALL, LEAD.DESCRIPTION,
                    LEAD.CREATED_AT, LEAD.MODIFIED_AT, LEAD.ACCOUNT_NAME, LEAD.CREATED_BY_ID, LEAD.ASSIGNED_USER_ID,
                    LEAD.CAMPAIGN_ID, LEAD.C_TAGS);
            People people = new People("Lead");
            Batch targets = new Batch(LEAD_TARGET_LIST, LEAD_TARGET_LIST.LEAD_ID, LEAD_TARGET_LIST.TARGET_LIST_ID,
                    LEAD_TARGET_LIST.OPTED_OUT, LEAD_TARGET_LIST.DELETED);
            for (int i = 0; i < spec.leads(); i++) {
                String id = id();
                leadIds[i] = id;
                boolean female = random.nextBoolean();
                String first = female ? pick(Names.FIRST_F) : pick(Names.FIRST_M);
                String last = pick(Names.LAST);
                String[] city = pick(Names.CITIES);
                LocalDateTime created = past(540);
                LocalDateTime modified = created.plusSeconds(random.nextLong(Math.max(1, Duration.between(created, now).toSeconds())));
                String status = pick(Names.LEAD_STATUSES);
                String source = pick(Names.SOURCES);
                String campaign = !campaignIds.isEmpty() && (source.equals("Campaign") || random.nextInt(4) == 0)
                        ? campaignIds.get(random.nextInt(campaignIds.size())) : null;
                String[] tags = tags();
                String company = accountNames.isEmpty() || random.nextInt(3) == 0 ? company(random.nextInt(50_000))
                        : accountNames.get(random.nextInt(accountNames.size()));
                leads.add(id, (byte) 0, female ? "Ms." : "Mr.", first, last, pick(v.titles()), status, source, v.industry(),
                        random.nextInt(4) == 0 ? (double) (500 + random.nextInt(50_000)) : null, "EUR", city[0], city[1],
                        "France", (byte) (random.nextInt(33) == 0 ? 1 : 0),
                        random.nextInt(3) == 0 ? pick(v.descriptions()) : null, created, modified, company, users.get(0),
                        users.get(random.nextInt(users.size())), campaign, tags.length == 0 ? null : CrmJson.write(tags));
                people.add(id, first, last, company, tags, i);
                if (campaign != null) {
                    targets.add(id, targetListIds.get(campaignIds.indexOf(campaign)), (byte) (random.nextInt(25) == 0 ? 1 : 0), (byte) 0);
                }
            }
            leads.flush();
            targets.flush();
            people.flush();
        }

        private void contacts() {
            contactIds = new String[spec.contacts()];
            Batch contacts = new Batch(CONTACT, CONTACT.ID, CONTACT.DELETED, CONTACT.SALUTATION_NAME, CONTACT.FIRST_NAME,
                    CONTACT.LAST_NAME, CONTACT.DESCRIPTION, CONTACT.DO_NOT_CALL, CONTACT.ADDRESS_CITY, CONTACT.ADDRESS_POSTAL_CODE,
                    CONTACT.ADDRESS_COUNTRY, CONTACT.CREATED_AT, CONTACT.MODIFIED_AT, CONTACT.ACCOUNT_ID, CONTACT.CREATED_BY_ID,
                    CONTACT.ASSIGNED_USER_ID, CONTACT.C_TAGS);
            People people = new People("Contact");
            for (int i = 0; i < spec.contacts(); i++) {
                String id = id();
                contactIds[i] = id;
                boolean female = random.nextBoolean();
                String first = female ? pick(Names.FIRST_F) : pick(Names.FIRST_M);
                String last = pick(Names.LAST);
                String[] city = pick(Names.CITIES);
                LocalDateTime created = past(900);
                int account = accountIds.isEmpty() ? -1 : random.nextInt(accountIds.size());
                String[] tags = tags();
                contacts.add(id, (byte) 0, female ? "Ms." : "Mr.", first, last, null, (byte) (random.nextInt(40) == 0 ? 1 : 0),
                        city[0], city[1], "France", created, created, account < 0 ? null : accountIds.get(account),
                        users.get(0), users.get(random.nextInt(users.size())), tags.length == 0 ? null : CrmJson.write(tags));
                people.add(id, first, last, account < 0 ? "particulier" : accountNames.get(account), tags, i);
            }
            contacts.flush();
            people.flush();
        }

        private String[] tags() {
            int n = random.nextInt(10) < 4 ? 0 : 1 + random.nextInt(3);
            String[] tags = new String[n];
            for (int i = 0; i < n; i++) {
                tags[i] = pick(v.tags());
            }
            return Arrays.stream(tags).distinct().toArray(String[]::new);
        }

        /** E-mail addresses, phone numbers and tag rows of leads or contacts, as EspoCRM stores them. */
        private final class People {
            final String entityType;
            final Batch emails = new Batch(EMAIL_ADDRESS, EMAIL_ADDRESS.ID, EMAIL_ADDRESS.NAME, EMAIL_ADDRESS.DELETED,
                    EMAIL_ADDRESS.LOWER, EMAIL_ADDRESS.INVALID, EMAIL_ADDRESS.OPT_OUT);
            final Batch emailLinks = new Batch(ENTITY_EMAIL_ADDRESS, ENTITY_EMAIL_ADDRESS.ENTITY_ID,
                    ENTITY_EMAIL_ADDRESS.EMAIL_ADDRESS_ID, ENTITY_EMAIL_ADDRESS.ENTITY_TYPE, ENTITY_EMAIL_ADDRESS.PRIMARY,
                    ENTITY_EMAIL_ADDRESS.DELETED);
            final Batch phones = new Batch(PHONE_NUMBER, PHONE_NUMBER.ID, PHONE_NUMBER.NAME, PHONE_NUMBER.DELETED,
                    PHONE_NUMBER.TYPE, PHONE_NUMBER.NUMERIC, PHONE_NUMBER.INVALID, PHONE_NUMBER.OPT_OUT);
            final Batch phoneLinks = new Batch(ENTITY_PHONE_NUMBER, ENTITY_PHONE_NUMBER.ENTITY_ID,
                    ENTITY_PHONE_NUMBER.PHONE_NUMBER_ID, ENTITY_PHONE_NUMBER.ENTITY_TYPE, ENTITY_PHONE_NUMBER.PRIMARY,
                    ENTITY_PHONE_NUMBER.DELETED);
            final Batch tagRows = new Batch(ARRAY_VALUE, ARRAY_VALUE.ID, ARRAY_VALUE.DELETED, ARRAY_VALUE.VALUE,
                    ARRAY_VALUE.ATTRIBUTE, ARRAY_VALUE.ENTITY_ID, ARRAY_VALUE.ENTITY_TYPE);

            People(String entityType) {
                this.entityType = entityType;
            }

            void add(String id, String first, String last, String company, String[] tags, int index) {
                if (random.nextInt(10) != 0) {
                    String email = Names.slug(first) + "." + Names.slug(last) + (index >= 500 ? String.valueOf(index) : "")
                            + "@" + (random.nextBoolean() ? pick(Names.MAIL_DOMAINS) : Names.slug(company) + ".fr");
                    String emailId = id();
                    emails.add(emailId, email, (byte) 0, email.toLowerCase(Locale.ROOT), (byte) 0, (byte) (random.nextInt(20) == 0 ? 1 : 0));
                    emailLinks.add(id, emailId, entityType, (byte) 1, (byte) 0);
                }
                if (random.nextInt(4) != 0) {
                    String digits = "0" + (6 + random.nextInt(2)) + String.format("%08d", random.nextInt(100_000_000));
                    String phone = "+33 " + digits.substring(1, 2) + " " + digits.substring(2, 4) + " " + digits.substring(4, 6)
                            + " " + digits.substring(6, 8) + " " + digits.substring(8, 10);
                    String phoneId = id();
                    phones.add(phoneId, phone, (byte) 0, "Mobile", "33" + digits.substring(1), (byte) 0, (byte) 0);
                    phoneLinks.add(id, phoneId, entityType, (byte) 1, (byte) 0);
                }
                for (String tag : tags) {
                    tagRows.add(id(), (byte) 0, tag, CrmStore.TAGS, id, entityType);
                }
            }

            void flush() {
                emails.flush();
                emailLinks.flush();
                phones.flush();
                phoneLinks.flush();
                tagRows.flush();
            }
        }

        private void activities() {
            int people = leadIds.length + contactIds.length;
            if (people == 0 || spec.activities() == 0) {
                return;
            }
            Batch notes = new Batch(NOTE, NOTE.ID, NOTE.DELETED, NOTE.POST, NOTE.TYPE, NOTE.CREATED_AT, NOTE.MODIFIED_AT,
                    NOTE.PARENT_ID, NOTE.PARENT_TYPE, NOTE.CREATED_BY_ID);
            Batch tasks = new Batch(TASK, TASK.ID, TASK.NAME, TASK.DELETED, TASK.STATUS, TASK.PRIORITY, TASK.DATE_END,
                    TASK.DATE_COMPLETED, TASK.DESCRIPTION, TASK.CREATED_AT, TASK.MODIFIED_AT, TASK.PARENT_ID, TASK.PARENT_TYPE,
                    TASK.ASSIGNED_USER_ID, TASK.CREATED_BY_ID);
            Batch calls = new Batch(CALL, CALL.ID, CALL.NAME, CALL.DELETED, CALL.STATUS, CALL.DATE_START, CALL.DATE_END,
                    CALL.DIRECTION, CALL.DESCRIPTION, CALL.CREATED_AT, CALL.MODIFIED_AT, CALL.PARENT_ID, CALL.PARENT_TYPE,
                    CALL.ASSIGNED_USER_ID);
            Batch meetings = new Batch(MEETING, MEETING.ID, MEETING.NAME, MEETING.DELETED, MEETING.STATUS, MEETING.DATE_START,
                    MEETING.DATE_END, MEETING.DESCRIPTION, MEETING.CREATED_AT, MEETING.MODIFIED_AT, MEETING.PARENT_ID,
                    MEETING.PARENT_TYPE, MEETING.ASSIGNED_USER_ID);
            Batch emails = new Batch(EMAIL, EMAIL.ID, EMAIL.NAME, EMAIL.DELETED, EMAIL.FROM_STRING, EMAIL.BODY_PLAIN,
                    EMAIL.BODY, EMAIL.IS_HTML, EMAIL.STATUS, EMAIL.DATE_SENT, EMAIL.CREATED_AT, EMAIL.MODIFIED_AT,
                    EMAIL.PARENT_ID, EMAIL.PARENT_TYPE, EMAIL.ASSIGNED_USER_ID);
            Batch logs = new Batch(CAMPAIGN_LOG_RECORD, CAMPAIGN_LOG_RECORD.ID, CAMPAIGN_LOG_RECORD.DELETED,
                    CAMPAIGN_LOG_RECORD.ACTION, CAMPAIGN_LOG_RECORD.ACTION_DATE, CAMPAIGN_LOG_RECORD.STRING_DATA,
                    CAMPAIGN_LOG_RECORD.APPLICATION, CAMPAIGN_LOG_RECORD.CREATED_AT, CAMPAIGN_LOG_RECORD.IS_TEST,
                    CAMPAIGN_LOG_RECORD.CAMPAIGN_ID, CAMPAIGN_LOG_RECORD.PARENT_ID, CAMPAIGN_LOG_RECORD.PARENT_TYPE);
            long made = 0;
            while (made < spec.activities()) {
                int who = random.nextInt(people);
                boolean isLead = who < leadIds.length;
                String parent = isLead ? leadIds[who] : contactIds[who - leadIds.length];
                String type = isLead ? "Lead" : "Contact";
                String user = users.get(random.nextInt(users.size()));
                LocalDateTime at = past(500);
                int kind = random.nextInt(100);
                if (kind < 28) {
                    notes.add(id(), (byte) 0, pick(v.notes()), "Post", at, at, parent, type, user);
                } else if (kind < 43) {
                    boolean done = at.plusDays(7).isBefore(now) && random.nextInt(4) != 0;
                    tasks.add(id(), pick(v.tasks()), (byte) 0, done ? "Completed" : pick(new String[]{"Not Started", "Started", "Deferred"}),
                            pick(new String[]{"Low", "Normal", "Normal", "High", "Urgent"}), at.plusDays(3),
                            done ? at.plusDays(2) : null, null, at, at, parent, type, user, user);
                } else if (kind < 58) {
                    calls.add(id(), pick(v.calls()), (byte) 0, at.isBefore(now.minusDays(1)) ? pick(new String[]{"Held", "Held", "Not Held"}) : "Planned",
                            at, at.plusMinutes(5 + random.nextInt(25)), pick(new String[]{"Outbound", "Outbound", "Inbound"}),
                            random.nextBoolean() ? pick(v.notes()) : null, at, at, parent, type, user);
                } else if (kind < 63) {
                    meetings.add(id(), pick(v.meetings()), (byte) 0, at.isBefore(now) ? "Held" : "Planned", at, at.plusHours(1),
                            null, at, at, parent, type, user);
                } else if (kind < 83) {
                    String[] t = pick(v.templates());
                    emails.add(id(), t[1], (byte) 0, "contact@" + Names.slug(v.label()) + ".fr", t[2], "<p>" + t[2] + "</p>",
                            (byte) 1, "Sent", at, at, at, parent, type, user);
                } else if (!campaignIds.isEmpty()) {
                    // a campaign e-mail: Sent, then Opened for ~45 %, then Clicked for ~12 %, sometimes Opted Out
                    String campaign = campaignIds.get(random.nextInt(campaignIds.size()));
                    logs.add(id(), (byte) 0, "Sent", at, null, "Espo", at, (byte) 0, campaign, parent, type);
                    int r = random.nextInt(100);
                    if (r < 45 && made + 1 < spec.activities()) {
                        logs.add(id(), (byte) 0, "Opened", at.plusHours(2), null, "Espo", at.plusHours(2), (byte) 0, campaign, parent, type);
                        made++;
                        if (r < 12 && made + 1 < spec.activities()) {
                            logs.add(id(), (byte) 0, "Clicked", at.plusHours(3), "https://" + Names.slug(v.label()) + ".fr/offre",
                                    "Espo", at.plusHours(3), (byte) 0, campaign, parent, type);
                            made++;
                        }
                    } else if (r > 97 && made + 1 < spec.activities()) {
                        logs.add(id(), (byte) 0, "Opted Out", at.plusHours(5), null, "Espo", at.plusHours(5), (byte) 0, campaign, parent, type);
                        made++;
                    }
                } else {
                    notes.add(id(), (byte) 0, pick(v.notes()), "Post", at, at, parent, type, user);
                }
                made++;
            }
            activities = made;
            notes.flush();
            tasks.flush();
            calls.flush();
            meetings.flush();
            emails.flush();
            logs.flush();
        }

        /** Multi-row INSERTs of up to 1 000 rows (and under the 65 535 bind-values limit of MySQL). */
        private final class Batch {
            private final Table<?> table;
            private final Field<?>[] fields;
            private final int size;
            private final List<Object[]> rowsBuffer = new ArrayList<>();

            Batch(Table<?> table, Field<?>... fields) {
                this.table = table;
                this.fields = fields;
                this.size = Math.min(1_000, 60_000 / fields.length);
            }

            Batch add(Object... values) {
                rowsBuffer.add(values);
                if (rowsBuffer.size() >= size) {
                    flush();
                }
                return this;
            }

            /** Plain JDBC with one cached multi-row statement per chunk size: jOOQ's per-value rendering is the bottleneck here. */
            void flush() {
                if (rowsBuffer.isEmpty()) {
                    return;
                }
                int n = rowsBuffer.size();
                String sql = n == size && fullSql != null ? fullSql : sql(n);
                if (n == size) {
                    fullSql = sql;
                }
                dsl.connection(c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        int i = 1;
                        for (Object[] row : rowsBuffer) {
                            for (Object value : row) {
                                ps.setObject(i++, value);
                            }
                        }
                        ps.executeUpdate();
                    }
                });
                rows += n;
                rowsBuffer.clear();
            }

            private String fullSql;

            private String sql(int n) {
                StringBuilder sb = new StringBuilder("insert into `").append(schema).append("`.`").append(table.getName()).append("` (");
                for (int i = 0; i < fields.length; i++) {
                    sb.append(i == 0 ? "`" : ", `").append(fields[i].getName()).append('`');
                }
                sb.append(") values ");
                String row = "(" + "?, ".repeat(fields.length - 1) + "?)";
                for (int r = 0; r < n; r++) {
                    sb.append(r == 0 ? "" : ", ").append(row);
                }
                return sb.toString();
            }
        }
    }
}
