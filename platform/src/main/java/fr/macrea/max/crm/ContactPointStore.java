package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import static fr.macrea.max.db.crm.Tables.ARRAY_VALUE;
import static fr.macrea.max.db.crm.Tables.EMAIL_ADDRESS;
import static fr.macrea.max.db.crm.Tables.ENTITY_EMAIL_ADDRESS;
import static fr.macrea.max.db.crm.Tables.ENTITY_PHONE_NUMBER;
import static fr.macrea.max.db.crm.Tables.PHONE_NUMBER;

/**
 * The attributes EspoCRM keeps outside the record's row: e-mail address and its opt-out ({@code email_address} +
 * {@code entity_email_address}), phone number ({@code phone_number} + {@code entity_phone_number}) and the
 * {@code array_value} rows of the multiEnum {@code cTags}. Always written inside the caller's transaction.
 */
@Repository
class ContactPointStore {

    private final Clock clock;

    ContactPointStore(Clock clock) {
        this.clock = clock;
    }

    void write(DSLContext d, CrmInput.Prepared p, String id) {
        if (p.special().containsKey("emailAddress") || p.special().containsKey("emailAddressIsOptedOut")) {
            writeEmail(d, p.entityType(), id, p.special());
        }
        if (p.special().containsKey("phoneNumber")) {
            writePhone(d, p.entityType(), id, (String) p.special().get("phoneNumber"));
        }
        if (p.tags() != null) {
            d.deleteFrom(ARRAY_VALUE).where(ARRAY_VALUE.ENTITY_ID.eq(id), ARRAY_VALUE.ENTITY_TYPE.eq(p.entityType()),
                    ARRAY_VALUE.ATTRIBUTE.eq(CrmStore.TAGS)).execute();
            for (String tag : p.tags()) {
                d.insertInto(ARRAY_VALUE).set(ARRAY_VALUE.ID, CrmIds.generate(clock)).set(ARRAY_VALUE.DELETED, (byte) 0)
                        .set(ARRAY_VALUE.VALUE, tag).set(ARRAY_VALUE.ATTRIBUTE, CrmStore.TAGS)
                        .set(ARRAY_VALUE.ENTITY_ID, id).set(ARRAY_VALUE.ENTITY_TYPE, p.entityType()).execute();
            }
        }
        p.arrays().forEach((attribute, values) -> {
            d.deleteFrom(ARRAY_VALUE).where(ARRAY_VALUE.ENTITY_ID.eq(id), ARRAY_VALUE.ENTITY_TYPE.eq(p.entityType()),
                    ARRAY_VALUE.ATTRIBUTE.eq(attribute)).execute();
            for (String value : values) {
                d.insertInto(ARRAY_VALUE).set(ARRAY_VALUE.ID, CrmIds.generate(clock)).set(ARRAY_VALUE.DELETED, (byte) 0)
                        .set(ARRAY_VALUE.VALUE, value).set(ARRAY_VALUE.ATTRIBUTE, attribute)
                        .set(ARRAY_VALUE.ENTITY_ID, id).set(ARRAY_VALUE.ENTITY_TYPE, p.entityType()).execute();
            }
        });
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
            d.update(EMAIL_ADDRESS).set(EMAIL_ADDRESS.OPT_OUT, (byte) (CrmValues.truthy(optOut) ? 1 : 0))
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
            throw new CrmValidationException(Message.of("crm.phone.too-long", 36));
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
}
