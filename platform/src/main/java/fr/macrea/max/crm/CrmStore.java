package fr.macrea.max.crm;

import fr.macrea.max.persistence.TenantDsl;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static fr.macrea.max.db.crm.Tables.ACCOUNT;
import static fr.macrea.max.db.crm.Tables.ACCOUNT_TARGET_LIST;
import static fr.macrea.max.db.crm.Tables.ARRAY_VALUE;
import static fr.macrea.max.db.crm.Tables.CALL;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN_LOG_RECORD;
import static fr.macrea.max.db.crm.Tables.CONTACT;
import static fr.macrea.max.db.crm.Tables.CONTACT_TARGET_LIST;
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
 * The tenant CRM schema through jOOQ, in EspoCRM attribute maps: the embedded CRM itself, and the replica of an
 * EspoCRM tenant. Attribute {@code fooBar} is column {@code foo_bar}; a custom field may be named with or without
 * EspoCRM's {@code c} prefix ({@code tags} and {@code cTags} both reach {@code c_tags}). Special attributes:
 * {@code emailAddress}/{@code emailAddressIsOptedOut} ({@code email_address} + {@code entity_email_address}),
 * {@code phoneNumber} ({@code phone_number} + {@code entity_phone_number}) and the multiEnum {@code cTags}
 * (JSON in {@code c_tags} + one {@code array_value} row per value).
 */
@Component
class CrmStore {

    static final String TAGS = "cTags";
    static final DateTimeFormatter ESPO_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final Map<String, Table<?>> TABLES = Map.ofEntries(
            Map.entry("Lead", LEAD), Map.entry("Contact", CONTACT), Map.entry("Account", ACCOUNT),
            Map.entry("Campaign", CAMPAIGN), Map.entry("CampaignLogRecord", CAMPAIGN_LOG_RECORD),
            Map.entry("TargetList", TARGET_LIST), Map.entry("EmailTemplate", EMAIL_TEMPLATE),
            Map.entry("EmailTemplateCategory", EMAIL_TEMPLATE_CATEGORY), Map.entry("Email", EMAIL),
            Map.entry("Call", CALL), Map.entry("Meeting", MEETING), Map.entry("Task", TASK), Map.entry("Note", NOTE),
            Map.entry("User", USER));
    private static final Set<String> WITH_EMAIL = Set.of("Lead", "Contact", "Account");
    private static final Set<String> PERSONS = Set.of("Lead", "Contact");
    private static final Set<String> SPECIAL = Set.of("emailAddress", "emailAddressIsOptedOut", "phoneNumber",
            "phoneNumberIsOptedOut");
    /** Attributes EspoCRM computes or M.A.X. manages itself: never written from a caller's map. */
    private static final Set<String> READ_ONLY = Set.of("id", "deleted", "createdAt", "modifiedAt", "number");
    private static final Pattern EMAIL_PATTERN = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern TAG_PATTERN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.'&+-]{0,99}");

    enum Mode {
        /** A write asked by M.A.X.: unknown attributes are errors, ids and audit dates are set here. */
        STRICT,
        /** A record copied from EspoCRM: unknown attributes are ignored, ids and dates are EspoCRM's. */
        REPLICA
    }

    enum Outcome { CREATED, UPDATED, UNCHANGED, DELETED }

    private final TenantDsl tenantDsl;
    private final Clock clock;

    CrmStore(TenantDsl tenantDsl, Clock clock) {
        this.tenantDsl = tenantDsl;
        this.clock = clock;
    }

    DSLContext dsl() {
        return tenantDsl.crm();
    }

    static Table<?> table(String entityType) {
        Table<?> table = TABLES.get(entityType);
        if (table == null) {
            throw new CrmValidationException("Type de fiche inconnu : « " + entityType + " ».");
        }
        return table;
    }

    static boolean supports(String entityType) {
        return TABLES.containsKey(entityType);
    }

    @SuppressWarnings("unchecked")
    static <T> Field<T> field(Table<?> table, String column) {
        Field<?> f = table.field(column);
        if (f == null) {
            throw new IllegalStateException("no column " + column + " in " + table.getName());
        }
        return (Field<T>) f;
    }

    /** The column behind an attribute, with or without the custom-field {@code c} prefix; null if none. */
    static Field<?> column(Table<?> table, String attribute) {
        String snake = snake(attribute);
        Field<?> f = table.field(snake);
        if (f == null && !snake.startsWith("c_")) {
            f = table.field("c_" + snake);
        }
        if (f == null && snake.startsWith("c_")) {
            f = table.field(snake.substring(2));
        }
        return f;
    }

    static String canonical(Table<?> table, String attribute) {
        Field<?> f = column(table, attribute);
        return f == null ? attribute : camel(f.getName());
    }

    // ---------------------------------------------------------------- reads

    Optional<Map<String, Object>> read(String entityType, String id) {
        CrmIds.require(id);
        Table<?> table = table(entityType);
        Record r = dsl().selectFrom(table).where(id(table).eq(id)).and(deleted(table).eq((byte) 0)).fetchOne();
        return Optional.ofNullable(r).map(rec -> toAttributes(entityType, rec));
    }

    Map<String, Object> require(String entityType, String id) {
        return read(entityType, id).orElseThrow(() -> new CrmNotFoundException(
                "Fiche introuvable : " + label(entityType) + " " + id + "."));
    }

    Map<String, Object> toAttributes(String entityType, Record r) {
        return toAttributes(entityType, List.of(r)).getFirst();
    }

    /** Records as attribute maps; e-mails and phones of the whole list are loaded in two queries (no N+1). */
    List<Map<String, Object>> toAttributes(String entityType, List<? extends Record> records) {
        List<Map<String, Object>> out = new ArrayList<>(records.size());
        for (Record r : records) {
            Map<String, Object> a = new LinkedHashMap<>();
            for (Field<?> f : r.fields()) {
                a.put(camel(f.getName()), fromColumn(f, r.get(f)));
            }
            if (PERSONS.contains(entityType)) {
                a.put("name", (str(a.get("firstName")) + " " + str(a.get("lastName"))).strip());
            }
            out.add(a);
        }
        if (WITH_EMAIL.contains(entityType) && !out.isEmpty()) {
            List<String> ids = out.stream().map(a -> (String) a.get("id")).toList();
            Map<String, Record> emails = new java.util.HashMap<>();
            dsl().select(ENTITY_EMAIL_ADDRESS.ENTITY_ID, EMAIL_ADDRESS.NAME, EMAIL_ADDRESS.OPT_OUT).from(ENTITY_EMAIL_ADDRESS)
                    .join(EMAIL_ADDRESS).on(EMAIL_ADDRESS.ID.eq(ENTITY_EMAIL_ADDRESS.EMAIL_ADDRESS_ID))
                    .where(ENTITY_EMAIL_ADDRESS.ENTITY_ID.in(ids), ENTITY_EMAIL_ADDRESS.ENTITY_TYPE.eq(entityType),
                            ENTITY_EMAIL_ADDRESS.PRIMARY.eq((byte) 1), ENTITY_EMAIL_ADDRESS.DELETED.eq((byte) 0))
                    .fetch().forEach(r -> emails.putIfAbsent(r.get(ENTITY_EMAIL_ADDRESS.ENTITY_ID), r));
            Map<String, String> phones = new java.util.HashMap<>();
            dsl().select(ENTITY_PHONE_NUMBER.ENTITY_ID, PHONE_NUMBER.NAME).from(ENTITY_PHONE_NUMBER)
                    .join(PHONE_NUMBER).on(PHONE_NUMBER.ID.eq(ENTITY_PHONE_NUMBER.PHONE_NUMBER_ID))
                    .where(ENTITY_PHONE_NUMBER.ENTITY_ID.in(ids), ENTITY_PHONE_NUMBER.ENTITY_TYPE.eq(entityType),
                            ENTITY_PHONE_NUMBER.PRIMARY.eq((byte) 1), ENTITY_PHONE_NUMBER.DELETED.eq((byte) 0))
                    .fetch().forEach(r -> phones.putIfAbsent(r.value1(), r.value2()));
            for (Map<String, Object> a : out) {
                Record email = emails.get((String) a.get("id"));
                a.put("emailAddress", email == null ? null : email.get(EMAIL_ADDRESS.NAME));
                a.put("emailAddressIsOptedOut", email != null && email.get(EMAIL_ADDRESS.OPT_OUT) == 1);
                a.put("phoneNumber", phones.get((String) a.get("id")));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- writes

    /**
     * Checks an attribute map and converts it to column values without writing anything, so that bad input
     * (unknown field, too long, bad type, malformed e-mail, bad tag) is refused before any write.
     */
    Prepared prepare(String entityType, Map<String, Object> attributes, Mode mode) {
        Table<?> table = table(entityType);
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        Map<String, Object> special = new LinkedHashMap<>();
        List<String> tags = null;
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            String attr = e.getKey();
            Object value = e.getValue();
            if (SPECIAL.contains(attr)) {
                if (!WITH_EMAIL.contains(entityType)) {
                    continue;
                }
                if (attr.equals("emailAddress") && value != null && !value.toString().isBlank()
                        && !EMAIL_PATTERN.matcher(value.toString().strip()).matches()) {
                    throw new CrmValidationException("Adresse e-mail invalide : « " + value + " ».");
                }
                special.put(attr, value);
                continue;
            }
            if (READ_ONLY.contains(attr) && mode == Mode.STRICT) {
                throw new CrmValidationException("Le champ « " + attr + " » ne peut pas être modifié.");
            }
            Field<?> f = column(table, attr);
            if (f == null) {
                if (mode == Mode.STRICT && !(attr.equals("name") && PERSONS.contains(entityType))) {
                    throw new CrmValidationException("Champ inconnu pour " + label(entityType) + " : « " + attr + " ».");
                }
                continue;
            }
            if (f.getName().equals("c_tags")) {
                tags = tagList(value);
                columns.put(f, tags.isEmpty() ? null : CrmJson.write(tags));
                continue;
            }
            columns.put(f, toColumn(f, value, attr));
        }
        if (mode == Mode.STRICT) {
            checkEnums(entityType, attributes);
        }
        return new Prepared(entityType, table, columns, special, tags);
    }

    /** EspoCRM's enum options for the fields M.A.X. writes most (entityDefs, reference §1.9). */
    private static final Map<String, Set<String>> ENUMS = Map.ofEntries(
            Map.entry("Lead.status", Set.of("New", "Assigned", "In Process", "Converted", "Recycled", "Dead")),
            Map.entry("Lead.source", Set.of("", "Call", "Email", "Existing Customer", "Partner", "Public Relations",
                    "Web Site", "Campaign", "Other")),
            Map.entry("Task.status", Set.of("Not Started", "Started", "Completed", "Canceled", "Deferred")),
            Map.entry("Task.priority", Set.of("Low", "Normal", "High", "Urgent")),
            Map.entry("Call.status", Set.of("Planned", "Held", "Not Held")),
            Map.entry("Meeting.status", Set.of("Planned", "Held", "Not Held")),
            Map.entry("Campaign.status", Set.of("Planning", "Active", "Inactive", "Complete")),
            Map.entry("Campaign.type", Set.of("Email", "Newsletter", "Informational Email", "Web", "Television", "Radio", "Mail")),
            Map.entry("CampaignLogRecord.action", Set.of("Sent", "Opened", "Opted Out", "Bounced", "Clicked", "Lead Created", "Opted In")));

    private static void checkEnums(String entityType, Map<String, Object> attributes) {
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            Set<String> options = ENUMS.get(entityType + "." + e.getKey());
            if (options != null && e.getValue() != null && !options.contains(e.getValue().toString())) {
                throw new CrmValidationException("Valeur invalide pour le champ « " + e.getKey() + " » : « "
                        + e.getValue() + " » (valeurs possibles : " + String.join(", ", new java.util.TreeSet<>(options)) + ").");
            }
        }
    }

    record Prepared(String entityType, Table<?> table, Map<Field<?>, Object> columns, Map<String, Object> special,
                    List<String> tags) {
    }

    /** Creates a record asked by M.A.X.; returns its id. */
    String insert(Prepared p) {
        String id = CrmIds.generate(clock);
        LocalDateTime now = now();
        Map<Field<?>, Object> values = new LinkedHashMap<>(p.columns());
        values.put(id(p.table()), id);
        values.put(deleted(p.table()), (byte) 0);
        putIfColumn(p.table(), values, "created_at", now);
        putIfColumn(p.table(), values, "modified_at", now);
        dsl().transaction(tx -> {
            DSLContext d = tx.dsl();
            d.insertInto(p.table()).set(values).execute();
            writeSpecial(d, p, id);
        });
        return id;
    }

    /** Changes a record asked by M.A.X. (it must exist and not be deleted). */
    void update(Prepared p, String id) {
        LocalDateTime now = now();
        Map<Field<?>, Object> values = new LinkedHashMap<>(p.columns());
        putIfColumn(p.table(), values, "modified_at", now);
        dsl().transaction(tx -> {
            DSLContext d = tx.dsl();
            int n = d.update(p.table()).set(values).where(id(p.table()).eq(id)).and(deleted(p.table()).eq((byte) 0)).execute();
            if (n == 0) {
                throw new CrmNotFoundException("Fiche introuvable : " + label(p.entityType()) + " " + id + ".");
            }
            writeSpecial(d, p, id);
        });
    }

    /**
     * Copies one EspoCRM record into the replica. Idempotent: a record whose {@code modifiedAt} is not newer than
     * the stored one is left alone (replayed webhooks, overlapping pulls), so nothing is duplicated or rolled back.
     */
    Outcome upsertReplica(String entityType, Map<String, Object> attributes) {
        Object rawId = attributes.get("id");
        String id = CrmIds.require(rawId == null ? null : rawId.toString());
        Prepared p = prepare(entityType, attributes, Mode.REPLICA);
        Table<?> table = p.table();
        Field<LocalDateTime> modifiedAt = (Field<LocalDateTime>) (Field<?>) table.field("modified_at");
        return dsl().transactionResult(tx -> {
            DSLContext d = tx.dsl();
            Record existing = d.selectFrom(table).where(id(table).eq(id)).forUpdate().fetchOne();
            Map<Field<?>, Object> values = new LinkedHashMap<>(p.columns());
            values.remove(id(table));
            boolean deletedFlag = CrmStore.truthySafe(attributes.get("deleted"));
            values.put(deleted(table), (byte) (deletedFlag ? 1 : 0));
            if (existing == null) {
                values.put(id(table), id);
                d.insertInto(table).set(values).execute();
                writeSpecial(d, p, id);
                return deletedFlag ? Outcome.DELETED : Outcome.CREATED;
            }
            LocalDateTime stored = modifiedAt == null ? null : existing.get(modifiedAt);
            LocalDateTime incoming = modifiedAt == null ? null : (LocalDateTime) p.columns().get(modifiedAt);
            if (stored != null && incoming != null && incoming.isBefore(stored)) {
                return Outcome.UNCHANGED; // an older copy (late webhook, overlapping pull) never rolls a record back
            }
            boolean same = stored != null && stored.equals(incoming);
            if (same) {
                Map<String, Object> current = toAttributes(entityType, existing);
                if (p.tags() != null && !new LinkedHashSet<>(p.tags()).equals(new LinkedHashSet<>(CrmReader.tagsOf(current)))) {
                    same = false;
                }
                for (Map.Entry<String, Object> e : p.special().entrySet()) {
                    Object now = current.get(e.getKey());
                    Object given = e.getValue();
                    boolean equal = e.getKey().endsWith("IsOptedOut")
                            ? truthySafe(now) == truthySafe(given)
                            : str(now).equalsIgnoreCase(str(given).strip());
                    same &= equal;
                }
            }
            if (same) {
                for (Map.Entry<Field<?>, Object> e : values.entrySet()) {
                    if (!java.util.Objects.equals(existing.get(e.getKey()), e.getValue())) {
                        same = false;
                        break;
                    }
                }
            }
            if (same) {
                return Outcome.UNCHANGED; // a replayed batch
            }
            d.update(table).set(values).where(id(table).eq(id)).execute();
            writeSpecial(d, p, id);
            boolean wasDeleted = existing.get(deleted(table)) != null && existing.get(deleted(table)) == 1;
            return deletedFlag && !wasDeleted ? Outcome.DELETED : Outcome.UPDATED;
        });
    }

    /** Soft delete, as EspoCRM does; returns false when there was nothing (left) to delete. */
    boolean softDelete(String entityType, String id) {
        CrmIds.require(id);
        Table<?> table = table(entityType);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(deleted(table), (byte) 1);
        putIfColumn(table, values, "modified_at", now());
        return dsl().update(table).set(values).where(id(table).eq(id)).and(deleted(table).eq((byte) 0)).execute() > 0;
    }

    private void writeSpecial(DSLContext d, Prepared p, String id) {
        if (p.special().containsKey("emailAddress") || p.special().containsKey("emailAddressIsOptedOut")) {
            writeEmail(d, p.entityType(), id, p.special());
        }
        if (p.special().containsKey("phoneNumber")) {
            writePhone(d, p.entityType(), id, (String) p.special().get("phoneNumber"));
        }
        if (p.tags() != null) {
            d.deleteFrom(ARRAY_VALUE).where(ARRAY_VALUE.ENTITY_ID.eq(id), ARRAY_VALUE.ENTITY_TYPE.eq(p.entityType()),
                    ARRAY_VALUE.ATTRIBUTE.eq(TAGS)).execute();
            for (String tag : p.tags()) {
                d.insertInto(ARRAY_VALUE).set(ARRAY_VALUE.ID, CrmIds.generate(clock)).set(ARRAY_VALUE.DELETED, (byte) 0)
                        .set(ARRAY_VALUE.VALUE, tag).set(ARRAY_VALUE.ATTRIBUTE, TAGS)
                        .set(ARRAY_VALUE.ENTITY_ID, id).set(ARRAY_VALUE.ENTITY_TYPE, p.entityType()).execute();
            }
        }
    }

    private void writeEmail(DSLContext d, String entityType, String id, Map<String, Object> special) {
        Object optOut = special.get("emailAddressIsOptedOut");
        if (special.containsKey("emailAddress")) {
            Object raw = special.get("emailAddress");
            d.deleteFrom(ENTITY_EMAIL_ADDRESS).where(ENTITY_EMAIL_ADDRESS.ENTITY_ID.eq(id),
                    ENTITY_EMAIL_ADDRESS.ENTITY_TYPE.eq(entityType)).execute();
            if (raw == null || raw.toString().isBlank()) {
                return;
            }
            String address = raw.toString().strip();
            String lower = address.toLowerCase(Locale.ROOT);
            String emailId = d.select(EMAIL_ADDRESS.ID).from(EMAIL_ADDRESS)
                    .where(EMAIL_ADDRESS.LOWER.eq(lower), EMAIL_ADDRESS.DELETED.eq((byte) 0)).limit(1)
                    .fetchOne(EMAIL_ADDRESS.ID);
            if (emailId == null) {
                emailId = CrmIds.generate(clock);
                d.insertInto(EMAIL_ADDRESS).set(EMAIL_ADDRESS.ID, emailId).set(EMAIL_ADDRESS.NAME, address)
                        .set(EMAIL_ADDRESS.LOWER, lower).set(EMAIL_ADDRESS.DELETED, (byte) 0)
                        .set(EMAIL_ADDRESS.INVALID, (byte) 0).set(EMAIL_ADDRESS.OPT_OUT, (byte) 0).execute();
            }
            d.insertInto(ENTITY_EMAIL_ADDRESS).set(ENTITY_EMAIL_ADDRESS.ENTITY_ID, id)
                    .set(ENTITY_EMAIL_ADDRESS.EMAIL_ADDRESS_ID, emailId).set(ENTITY_EMAIL_ADDRESS.ENTITY_TYPE, entityType)
                    .set(ENTITY_EMAIL_ADDRESS.PRIMARY, (byte) 1).set(ENTITY_EMAIL_ADDRESS.DELETED, (byte) 0).execute();
        }
        if (optOut != null) {
            d.update(EMAIL_ADDRESS).set(EMAIL_ADDRESS.OPT_OUT, (byte) (truthy(optOut) ? 1 : 0))
                    .where(EMAIL_ADDRESS.ID.in(DSL.select(ENTITY_EMAIL_ADDRESS.EMAIL_ADDRESS_ID).from(ENTITY_EMAIL_ADDRESS)
                            .where(ENTITY_EMAIL_ADDRESS.ENTITY_ID.eq(id), ENTITY_EMAIL_ADDRESS.ENTITY_TYPE.eq(entityType),
                                    ENTITY_EMAIL_ADDRESS.DELETED.eq((byte) 0))))
                    .execute();
        }
    }

    private void writePhone(DSLContext d, String entityType, String id, String phone) {
        d.deleteFrom(ENTITY_PHONE_NUMBER).where(ENTITY_PHONE_NUMBER.ENTITY_ID.eq(id),
                ENTITY_PHONE_NUMBER.ENTITY_TYPE.eq(entityType)).execute();
        if (phone == null || phone.isBlank()) {
            return;
        }
        String name = phone.strip();
        if (name.length() > 36) {
            throw new CrmValidationException("Numéro de téléphone trop long (36 caractères au plus).");
        }
        String phoneId = d.select(PHONE_NUMBER.ID).from(PHONE_NUMBER)
                .where(PHONE_NUMBER.NAME.eq(name), PHONE_NUMBER.DELETED.eq((byte) 0)).limit(1).fetchOne(PHONE_NUMBER.ID);
        if (phoneId == null) {
            phoneId = CrmIds.generate(clock);
            d.insertInto(PHONE_NUMBER).set(PHONE_NUMBER.ID, phoneId).set(PHONE_NUMBER.NAME, name)
                    .set(PHONE_NUMBER.NUMERIC, name.replaceAll("[^0-9]", "")).set(PHONE_NUMBER.TYPE, "Mobile")
                    .set(PHONE_NUMBER.DELETED, (byte) 0).set(PHONE_NUMBER.INVALID, (byte) 0)
                    .set(PHONE_NUMBER.OPT_OUT, (byte) 0).execute();
        }
        d.insertInto(ENTITY_PHONE_NUMBER).set(ENTITY_PHONE_NUMBER.ENTITY_ID, id)
                .set(ENTITY_PHONE_NUMBER.PHONE_NUMBER_ID, phoneId).set(ENTITY_PHONE_NUMBER.ENTITY_TYPE, entityType)
                .set(ENTITY_PHONE_NUMBER.PRIMARY, (byte) 1).set(ENTITY_PHONE_NUMBER.DELETED, (byte) 0).execute();
    }

    // ---------------------------------------------------------------- duplicates, consent, target lists

    /** Existing non-deleted records with the same name or e-mail (EspoCRM's duplicateCheckFieldList). */
    List<Map<String, Object>> duplicates(String entityType, Map<String, Object> attributes) {
        if (!WITH_EMAIL.contains(entityType)) {
            return List.of();
        }
        Table<?> table = table(entityType);
        Condition byName;
        if (PERSONS.contains(entityType)) {
            String first = str(attributes.get("firstName"));
            String last = str(attributes.get("lastName"));
            byName = last.isBlank() ? DSL.falseCondition()
                    : DSL.coalesce(CrmStore.<String>field(table, "first_name"), "").eq(first)
                    .and(CrmStore.<String>field(table, "last_name").eq(last));
        } else {
            String name = str(attributes.get("name"));
            byName = name.isBlank() ? DSL.falseCondition() : CrmStore.<String>field(table, "name").eq(name);
        }
        String email = str(attributes.get("emailAddress")).strip().toLowerCase(Locale.ROOT);
        Condition byEmail = email.isBlank() ? DSL.falseCondition() : id(table).in(
                DSL.select(ENTITY_EMAIL_ADDRESS.ENTITY_ID).from(ENTITY_EMAIL_ADDRESS).join(EMAIL_ADDRESS)
                        .on(EMAIL_ADDRESS.ID.eq(ENTITY_EMAIL_ADDRESS.EMAIL_ADDRESS_ID))
                        .where(EMAIL_ADDRESS.LOWER.eq(email), ENTITY_EMAIL_ADDRESS.ENTITY_TYPE.eq(entityType),
                                ENTITY_EMAIL_ADDRESS.DELETED.eq((byte) 0)));
        return toAttributes(entityType, dsl().selectFrom(table).where(deleted(table).eq((byte) 0)).and(byName.or(byEmail))
                .limit(20).fetch());
    }

    Set<String> optedOutTargetLists(String entityType, String id) {
        var link = targetListLink(entityType);
        return new LinkedHashSet<>(dsl().select(link.targetList()).from(link.table())
                .where(link.owner().eq(id), link.optedOut().eq((byte) 1), link.deleted().eq((byte) 0))
                .fetch(link.targetList()));
    }

    void setTargetListOptOut(String entityType, String id, String targetListId, boolean optedOut) {
        CrmIds.require(targetListId);
        var link = targetListLink(entityType);
        dsl().transaction(tx -> {
            DSLContext d = tx.dsl();
            int n = d.update(link.table()).set(link.optedOut(), (byte) (optedOut ? 1 : 0)).set(link.deleted(), (byte) 0)
                    .where(link.owner().eq(id), link.targetList().eq(targetListId)).execute();
            if (n == 0) {
                d.insertInto(link.table()).set(link.owner(), id).set(link.targetList(), targetListId)
                        .set(link.optedOut(), (byte) (optedOut ? 1 : 0)).set(link.deleted(), (byte) 0).execute();
            }
        });
    }

    private record TargetListLink(Table<?> table, Field<String> owner, Field<String> targetList, Field<Byte> optedOut,
                                  Field<Byte> deleted) {
    }

    private static TargetListLink targetListLink(String entityType) {
        return switch (entityType) {
            case "Lead" -> new TargetListLink(LEAD_TARGET_LIST, LEAD_TARGET_LIST.LEAD_ID, LEAD_TARGET_LIST.TARGET_LIST_ID,
                    LEAD_TARGET_LIST.OPTED_OUT, LEAD_TARGET_LIST.DELETED);
            case "Contact" -> new TargetListLink(CONTACT_TARGET_LIST, CONTACT_TARGET_LIST.CONTACT_ID,
                    CONTACT_TARGET_LIST.TARGET_LIST_ID, CONTACT_TARGET_LIST.OPTED_OUT, CONTACT_TARGET_LIST.DELETED);
            case "Account" -> new TargetListLink(ACCOUNT_TARGET_LIST, ACCOUNT_TARGET_LIST.ACCOUNT_ID,
                    ACCOUNT_TARGET_LIST.TARGET_LIST_ID, ACCOUNT_TARGET_LIST.OPTED_OUT, ACCOUNT_TARGET_LIST.DELETED);
            default -> throw new CrmValidationException("Les listes de cibles ne concernent que les leads, contacts et comptes.");
        };
    }

    // ---------------------------------------------------------------- conversions

    private Object toColumn(Field<?> f, Object value, String attr) {
        if (value == null) {
            return null;
        }
        Class<?> type = f.getType();
        try {
            if (type == String.class) {
                String s = value instanceof Collection<?> || value instanceof Map<?, ?> ? CrmJson.write(value) : value.toString();
                int max = f.getDataType().length();
                if (max > 0 && s.length() > max) {
                    throw new CrmValidationException("Le champ « " + attr + " » dépasse " + max + " caractères.");
                }
                return s;
            }
            if (type == Byte.class) {
                return (byte) (truthy(value) ? 1 : 0);
            }
            if (type == LocalDateTime.class) {
                return parseDateTime(value);
            }
            if (type == LocalDate.class) {
                return value instanceof LocalDate d ? d : LocalDate.parse(value.toString().substring(0, 10));
            }
            if (type == Double.class) {
                return value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
            }
            if (type == Integer.class) {
                return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
            }
            if (type == Long.class) {
                return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
            }
            return f.getDataType().convert(value);
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new CrmValidationException("Valeur invalide pour le champ « " + attr + " » : « " + value + " ».");
        }
    }

    private static Object fromColumn(Field<?> f, Object v) {
        if (v == null) {
            return f.getName().equals("c_tags") ? List.of() : null;
        }
        if (v instanceof Byte b) {
            return b != 0;
        }
        if (v instanceof LocalDateTime t) {
            return ESPO_DATETIME.format(t);
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (f.getName().equals("c_tags")) {
            try {
                return CrmJson.readList(v.toString()).stream().map(Object::toString).toList();
            } catch (RuntimeException e) {
                return List.of();
            }
        }
        return v;
    }

    static LocalDateTime parseDateTime(Object value) {
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        String s = value.toString().strip().replace('T', ' ');
        if (s.endsWith("Z")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.length() == 10) {
            s = s + " 00:00:00";
        }
        if (s.length() > 19) {
            s = s.substring(0, 19);
        }
        return LocalDateTime.parse(s, ESPO_DATETIME);
    }

    static List<String> tagList(Object value) {
        if (value == null) {
            return List.of();
        }
        Collection<?> raw;
        if (value instanceof Collection<?> c) {
            raw = c;
        } else if (value instanceof String s && s.strip().startsWith("[")) {
            raw = CrmJson.readList(s);
        } else {
            throw new CrmValidationException("Les étiquettes doivent être une liste.");
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (Object o : raw) {
            String tag = o == null ? "" : o.toString().strip();
            if (!TAG_PATTERN.matcher(tag).matches()) {
                throw new CrmValidationException("Étiquette invalide : « " + tag
                        + " » (1 à 100 lettres, chiffres, espaces ou - _ . ' & +).");
            }
            tags.add(tag);
        }
        return List.copyOf(tags);
    }

    static boolean truthySafe(Object value) {
        try {
            return value != null && truthy(value);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.intValue() != 0;
        }
        String s = value.toString().strip().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("1")) {
            return true;
        }
        if (s.equals("false") || s.equals("0") || s.isEmpty()) {
            return false;
        }
        throw new NumberFormatException(s);
    }

    static Instant instant(Object espoDateTime) {
        return espoDateTime == null ? null : parseDateTime(espoDateTime).toInstant(ZoneOffset.UTC);
    }

    LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0);
    }

    static Field<String> id(Table<?> table) {
        return field(table, "id");
    }

    static Field<Byte> deleted(Table<?> table) {
        return field(table, "deleted");
    }

    private static void putIfColumn(Table<?> table, Map<Field<?>, Object> values, String column, Object value) {
        Field<?> f = table.field(column);
        if (f != null) {
            values.put(f, value);
        }
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    static String label(String entityType) {
        return switch (entityType) {
            case "Lead" -> "lead";
            case "Contact" -> "contact";
            case "Account" -> "compte";
            case "Campaign" -> "campagne";
            case "Task" -> "tâche";
            case "Note" -> "note";
            case "EmailTemplate" -> "modèle d'e-mail";
            default -> entityType;
        };
    }

    static List<Map<String, Object>> copy(List<Map<String, Object>> list) {
        return new ArrayList<>(list);
    }
}
