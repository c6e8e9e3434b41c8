package fr.macrea.max.demo.crm;

import fr.macrea.max.crm.CrmSearch;
import fr.macrea.max.persistence.TenantDsl;
import tools.jackson.databind.json.JsonMapper;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

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

/** One generation of {@link CrmDatasetGenerator}: ids, randomness and the rows of every table, in order. */
final class DatasetRun {

    private static final String TAGS = "cTags";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** EspoCRM lead statuses and sources, weighted as a small French business sees them. */
    private static final String[] LEAD_STATUSES = {"New", "New", "New", "Assigned", "In Process", "In Process", "Converted",
            "Recycled", "Dead"};
    private static final String[] SOURCES = {"Web Site", "Web Site", "Web Site", "Campaign", "Campaign", "Call", "Email",
            "Existing Customer", "Partner", "Public Relations", "Other"};
    /** The French mail providers most addresses use (Datafaker's French locale has none). */
    private static final String[] MAIL_DOMAINS = {"gmail.com", "orange.fr", "free.fr", "laposte.net", "outlook.fr", "sfr.fr",
            "hotmail.fr", "yahoo.fr"};

    private static String json(String[] tags) {
        return JSON.writeValueAsString(tags);
    }

    final DSLContext dsl;
    final CrmDatasetGenerator.DatasetSpec spec;
    final Vertical v;
    final SplittableRandom random;
    private final FrenchFakes fakes;
    final LocalDateTime now;
    private final long idBase;
    private long idCounter;
    long rows;
    long activities;
    final List<String> users = new ArrayList<>();
    private final List<String> accountIds = new ArrayList<>();
    private final List<String> accountNames = new ArrayList<>();
    String[] leadIds = new String[0];
    String[] contactIds = new String[0];
    final List<String> campaignIds = new ArrayList<>();
    /** Per campaign: [first send, last send] (start date 8:00 to end date 20:00). */
    final List<LocalDateTime[]> campaignWindows = new ArrayList<>();
    private final List<String> targetListIds = new ArrayList<>();

    final String schema;

    DatasetRun(DSLContext dsl, String schema, CrmDatasetGenerator.DatasetSpec spec, Clock clock) {
        this.dsl = dsl;
        this.schema = fr.macrea.max.shared.SqlIdentifiers.requireSchemaName(schema);
        this.spec = spec;
        this.v = Vertical.of(spec.vertical());
        this.random = new SplittableRandom(spec.seed());
        this.fakes = new FrenchFakes(spec.seed());
        this.now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0);
        this.idBase = clock.instant().getEpochSecond();
    }

    /** EspoCRM-shaped ids (8 hex seconds + 5 hex µs + 4 hex), unique within the run via a counter. */
    String id() {
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

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    LocalDateTime past(int maxDays) {
        return now.minusSeconds(random.nextLong(Math.max(1, maxDays) * 86_400L)).withNano(0);
    }

    void all() {
        users();
        accounts();
        templates();
        campaigns();
        leads();
        contacts();
        new ActivityRows(this).write();
    }

    private void users() {
        RowBatch b = new RowBatch(this, USER, USER.ID, USER.DELETED, USER.USER_NAME, USER.TYPE, USER.FIRST_NAME, USER.LAST_NAME,
                USER.IS_ACTIVE, USER.CREATED_AT, USER.MODIFIED_AT);
        for (int i = 0; i < 5; i++) {
            String first = fakes.firstName();
            String last = fakes.lastName();
            String id = id();
            users.add(id);
            b.add(id, (byte) 0, FrenchFakes.slug(first) + "." + FrenchFakes.slug(last) + i, "regular", first, last, (byte) 1, past(700), now);
        }
        b.flush();
    }

    private void accounts() {
        RowBatch b = new RowBatch(this, ACCOUNT, ACCOUNT.ID, ACCOUNT.NAME, ACCOUNT.DELETED, ACCOUNT.WEBSITE, ACCOUNT.TYPE,
                ACCOUNT.INDUSTRY, ACCOUNT.BILLING_ADDRESS_CITY, ACCOUNT.BILLING_ADDRESS_POSTAL_CODE,
                ACCOUNT.BILLING_ADDRESS_COUNTRY, ACCOUNT.DESCRIPTION, ACCOUNT.CREATED_AT, ACCOUNT.MODIFIED_AT,
                ACCOUNT.ASSIGNED_USER_ID, ACCOUNT.CREATED_BY_ID);
        for (int i = 0; i < spec.accounts(); i++) {
            String id = id();
            String name = company(i);
            String[] city = fakes.city();
            accountIds.add(id);
            accountNames.add(name);
            LocalDateTime created = past(900);
            b.add(id, name, (byte) 0, "https://www." + FrenchFakes.slug(name) + ".fr", pick(new String[]{"Customer", "Customer", "Partner", "Reseller", ""}),
                    v.industry(), city[0], city[1], "France", null, created, created, pick(users.toArray(String[]::new)), users.get(0));
        }
        b.flush();
    }

    private String company(int i) {
        String base = pick(v.companyPrefixes()) + " " + fakes.lastName();
        return i < 2_000 ? base : base + " " + (i / 2_000);
    }

    private void templates() {
        String category = id();
        new RowBatch(this, EMAIL_TEMPLATE_CATEGORY, EMAIL_TEMPLATE_CATEGORY.ID, EMAIL_TEMPLATE_CATEGORY.NAME,
                EMAIL_TEMPLATE_CATEGORY.DELETED, EMAIL_TEMPLATE_CATEGORY.CREATED_AT)
                .add(category, "Relances " + v.label(), (byte) 0, now).flush();
        RowBatch b = new RowBatch(this, EMAIL_TEMPLATE, EMAIL_TEMPLATE.ID, EMAIL_TEMPLATE.NAME, EMAIL_TEMPLATE.DELETED,
                EMAIL_TEMPLATE.SUBJECT, EMAIL_TEMPLATE.BODY, EMAIL_TEMPLATE.IS_HTML, EMAIL_TEMPLATE.STATUS,
                EMAIL_TEMPLATE.CATEGORY_ID, EMAIL_TEMPLATE.CREATED_AT, EMAIL_TEMPLATE.MODIFIED_AT, EMAIL_TEMPLATE.VERSION_NUMBER);
        for (String[] t : v.templates()) {
            b.add(id(), t[0], (byte) 0, t[1], "<p>Bonjour {Lead.firstName},</p><p>" + t[2] + "</p><p>À bientôt,<br>{User.name}</p>",
                    (byte) 1, "Active", category, now, now, 1L);
        }
        b.flush();
    }

    /**
     * Campaigns one after the other, the latest started a few days ago, each created (planned) a few days before it
     * starts: the log records of a period then come from campaigns that exist, and the recent periods have campaigns
     * created in them, as a business that runs a campaign every few weeks sees it.
     */
    private void campaigns() {
        RowBatch b = new RowBatch(this, CAMPAIGN, CAMPAIGN.ID, CAMPAIGN.NAME, CAMPAIGN.DELETED, CAMPAIGN.STATUS, CAMPAIGN.TYPE,
                CAMPAIGN.START_DATE, CAMPAIGN.END_DATE, CAMPAIGN.DESCRIPTION, CAMPAIGN.CREATED_AT, CAMPAIGN.MODIFIED_AT,
                CAMPAIGN.BUDGET, CAMPAIGN.BUDGET_CURRENCY, CAMPAIGN.ASSIGNED_USER_ID);
        RowBatch lists = new RowBatch(this, TARGET_LIST, TARGET_LIST.ID, TARGET_LIST.NAME, TARGET_LIST.DELETED, TARGET_LIST.DESCRIPTION,
                TARGET_LIST.CREATED_AT, TARGET_LIST.MODIFIED_AT);
        int spacing = Math.max(7, 400 / Math.max(1, spec.campaigns()));
        for (int i = 0; i < spec.campaigns(); i++) {
            String id = id();
            campaignIds.add(id);
            LocalDate start = now.toLocalDate().minusDays(i == 0 ? 2 + random.nextInt(4) : (long) i * spacing + random.nextInt(spacing / 4 + 1));
            LocalDateTime created = start.atStartOfDay().minusDays(1 + random.nextInt(10)).plusHours(9 + random.nextInt(8));
            LocalDate end = start.plusDays(45);
            campaignWindows.add(new LocalDateTime[]{start.atTime(8, 0), end.atTime(20, 0)});
            String name = v.campaigns()[i % v.campaigns().length] + (i >= v.campaigns().length ? " " + (start.getYear()) + "-" + (i + 1) : "");
            b.add(id, name, (byte) 0, end.isBefore(now.toLocalDate()) ? "Complete" : "Active",
                    pick(new String[]{"Email", "Email", "Newsletter"}), start, end, "Campagne " + v.label(),
                    created, created, 200.0 + random.nextInt(3_000), "EUR", users.get(0));
            String list = id();
            targetListIds.add(list);
            lists.add(list, "Cibles " + name, (byte) 0, "Liste de diffusion de « " + name + " »", created, created);
        }
        b.flush();
        lists.flush();
    }

    private void leads() {
        leadIds = new String[spec.leads()];
        RowBatch leads = new RowBatch(this, LEAD, LEAD.ID, LEAD.DELETED, LEAD.SALUTATION_NAME, LEAD.FIRST_NAME, LEAD.LAST_NAME,
                LEAD.TITLE, LEAD.STATUS, LEAD.SOURCE, LEAD.INDUSTRY, LEAD.OPPORTUNITY_AMOUNT, LEAD.OPPORTUNITY_AMOUNT_CURRENCY,
                LEAD.ADDRESS_CITY, LEAD.ADDRESS_POSTAL_CODE, LEAD.ADDRESS_COUNTRY, LEAD.DO_NOT_CALL, LEAD.DESCRIPTION,
                LEAD.CREATED_AT, LEAD.MODIFIED_AT, LEAD.ACCOUNT_NAME, LEAD.CREATED_BY_ID, LEAD.ASSIGNED_USER_ID,
                LEAD.CAMPAIGN_ID, LEAD.C_TAGS);
        People people = new People("Lead");
        RowBatch targets = new RowBatch(this, LEAD_TARGET_LIST, LEAD_TARGET_LIST.LEAD_ID, LEAD_TARGET_LIST.TARGET_LIST_ID,
                LEAD_TARGET_LIST.OPTED_OUT, LEAD_TARGET_LIST.DELETED);
        for (int i = 0; i < spec.leads(); i++) {
            String id = id();
            leadIds[i] = id;
            String first = fakes.firstName();
            String last = fakes.lastName();
            String[] city = fakes.city();
            LocalDateTime created = past(540);
            LocalDateTime modified = created.plusSeconds(random.nextLong(Math.max(1, Duration.between(created, now).toSeconds())));
            String status = pick(LEAD_STATUSES);
            String source = pick(SOURCES);
            String campaign = !campaignIds.isEmpty() && (source.equals("Campaign") || random.nextInt(4) == 0)
                    ? campaignIds.get(random.nextInt(campaignIds.size())) : null;
            String[] tags = tags();
            String company = accountNames.isEmpty() || random.nextInt(3) == 0 ? company(random.nextInt(50_000))
                    : accountNames.get(random.nextInt(accountNames.size()));
            leads.add(id, (byte) 0, null, first, last, pick(v.titles()), status, source, v.industry(),
                    random.nextInt(4) == 0 ? (double) (500 + random.nextInt(50_000)) : null, "EUR", city[0], city[1],
                    "France", (byte) (random.nextInt(33) == 0 ? 1 : 0),
                    random.nextInt(3) == 0 ? pick(v.descriptions()) : null, created, modified, company, users.get(0),
                    users.get(random.nextInt(users.size())), campaign, tags.length == 0 ? null : json(tags));
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
        RowBatch contacts = new RowBatch(this, CONTACT, CONTACT.ID, CONTACT.DELETED, CONTACT.SALUTATION_NAME, CONTACT.FIRST_NAME,
                CONTACT.LAST_NAME, CONTACT.DESCRIPTION, CONTACT.DO_NOT_CALL, CONTACT.ADDRESS_CITY, CONTACT.ADDRESS_POSTAL_CODE,
                CONTACT.ADDRESS_COUNTRY, CONTACT.CREATED_AT, CONTACT.MODIFIED_AT, CONTACT.ACCOUNT_ID, CONTACT.CREATED_BY_ID,
                CONTACT.ASSIGNED_USER_ID, CONTACT.C_TAGS);
        People people = new People("Contact");
        for (int i = 0; i < spec.contacts(); i++) {
            String id = id();
            contactIds[i] = id;
            String first = fakes.firstName();
            String last = fakes.lastName();
            String[] city = fakes.city();
            LocalDateTime created = past(900);
            int account = accountIds.isEmpty() ? -1 : random.nextInt(accountIds.size());
            String[] tags = tags();
            contacts.add(id, (byte) 0, null, first, last, null, (byte) (random.nextInt(40) == 0 ? 1 : 0),
                    city[0], city[1], "France", created, created, account < 0 ? null : accountIds.get(account),
                    users.get(0), users.get(random.nextInt(users.size())), tags.length == 0 ? null : json(tags));
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
        final RowBatch emails = new RowBatch(DatasetRun.this, EMAIL_ADDRESS, EMAIL_ADDRESS.ID, EMAIL_ADDRESS.NAME, EMAIL_ADDRESS.DELETED,
                EMAIL_ADDRESS.LOWER, EMAIL_ADDRESS.INVALID, EMAIL_ADDRESS.OPT_OUT);
        final RowBatch emailLinks = new RowBatch(DatasetRun.this, ENTITY_EMAIL_ADDRESS, ENTITY_EMAIL_ADDRESS.ENTITY_ID,
                ENTITY_EMAIL_ADDRESS.EMAIL_ADDRESS_ID, ENTITY_EMAIL_ADDRESS.ENTITY_TYPE, ENTITY_EMAIL_ADDRESS.PRIMARY,
                ENTITY_EMAIL_ADDRESS.DELETED);
        final RowBatch phones = new RowBatch(DatasetRun.this, PHONE_NUMBER, PHONE_NUMBER.ID, PHONE_NUMBER.NAME, PHONE_NUMBER.DELETED,
                PHONE_NUMBER.TYPE, PHONE_NUMBER.NUMERIC, PHONE_NUMBER.INVALID, PHONE_NUMBER.OPT_OUT);
        final RowBatch phoneLinks = new RowBatch(DatasetRun.this, ENTITY_PHONE_NUMBER, ENTITY_PHONE_NUMBER.ENTITY_ID,
                ENTITY_PHONE_NUMBER.PHONE_NUMBER_ID, ENTITY_PHONE_NUMBER.ENTITY_TYPE, ENTITY_PHONE_NUMBER.PRIMARY,
                ENTITY_PHONE_NUMBER.DELETED);
        final RowBatch tagRows = new RowBatch(DatasetRun.this, ARRAY_VALUE, ARRAY_VALUE.ID, ARRAY_VALUE.DELETED, ARRAY_VALUE.VALUE,
                ARRAY_VALUE.ATTRIBUTE, ARRAY_VALUE.ENTITY_ID, ARRAY_VALUE.ENTITY_TYPE);

        People(String entityType) {
            this.entityType = entityType;
        }

        void add(String id, String first, String last, String company, String[] tags, int index) {
            if (random.nextInt(10) != 0) {
                String email = FrenchFakes.slug(first) + "." + FrenchFakes.slug(last) + (index >= 500 ? String.valueOf(index) : "")
                        + "@" + (random.nextBoolean() ? pick(MAIL_DOMAINS) : FrenchFakes.slug(company) + ".fr");
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
                tagRows.add(id(), (byte) 0, tag, TAGS, id, entityType);
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

}
