package fr.macrea.max.crm;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static fr.macrea.max.db.crm.Tables.EMAIL_ADDRESS;
import static fr.macrea.max.db.crm.Tables.ENTITY_EMAIL_ADDRESS;
import static fr.macrea.max.db.crm.Tables.LEAD;

/**
 * The one free-text search of leads and contacts: every word of the query is a case- and accent-insensitive prefix
 * of a word of the first name, last name, company (lead's account name) or e-mail address ("chev" finds Chevalier,
 * "lefevre" finds Lefèvre, "laura michel" finds Laura Michel). The words are normalised here, in Java, and stored in
 * {@code search_text}, so that H2 and MariaDB answer identically (their collations and FULLTEXT support differ).
 */
@Repository
class SearchTextStore {

    static final String COLUMN = "search_text";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX = 1024;

    /** The words of a text, lower-case, accents removed ("Lefèvre-Dupont" -> [lefevre, dupont]). */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return WORD.matcher(folded).results().map(MatchResult::group).toList();
    }

    /** The stored form: each word preceded by a space, cut to the column's size. */
    static String of(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            for (String w : words(part)) {
                if (sb.length() + w.length() + 1 > MAX) {
                    return sb.toString();
                }
                sb.append(' ').append(w);
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    static boolean searchable(String entityType) {
        return entityType.equals("Lead") || entityType.equals("Contact");
    }

    /** Every word of the query as a prefix of a stored word; a query without any word matches nothing. */
    static Condition matches(Table<?> table, String query) {
        List<String> words = words(query);
        if (words.isEmpty()) {
            return DSL.falseCondition();
        }
        Field<String> column = CrmSchema.field(table, COLUMN);
        List<Condition> all = new ArrayList<>();
        for (String w : words) {
            all.add(column.like("% " + w + "%")); // words are letters and digits only: nothing to escape
        }
        return DSL.and(all);
    }

    /** Recomputes the record's search words from what is stored now (row + primary e-mail), in the caller's transaction. */
    void refresh(DSLContext d, String entityType, String id) {
        if (!searchable(entityType)) {
            return;
        }
        Table<?> table = CrmSchema.table(entityType);
        Field<String> accountName = entityType.equals("Lead") ? LEAD.ACCOUNT_NAME : DSL.inline((String) null);
        Record row = d.select(CrmSchema.<String>field(table, "first_name"), CrmSchema.<String>field(table, "last_name"),
                        accountName).from(table).where(CrmSchema.id(table).eq(id)).fetchOne();
        if (row == null) {
            return;
        }
        String email = d.select(EMAIL_ADDRESS.NAME).from(ENTITY_EMAIL_ADDRESS).join(EMAIL_ADDRESS)
                .on(EMAIL_ADDRESS.ID.eq(ENTITY_EMAIL_ADDRESS.EMAIL_ADDRESS_ID))
                .where(ENTITY_EMAIL_ADDRESS.ENTITY_ID.eq(id), ENTITY_EMAIL_ADDRESS.ENTITY_TYPE.eq(entityType),
                        ENTITY_EMAIL_ADDRESS.DELETED.eq((byte) 0))
                .orderBy(ENTITY_EMAIL_ADDRESS.PRIMARY.desc()).limit(1).fetchOne(EMAIL_ADDRESS.NAME);
        String text = of(row.get(0, String.class), row.get(1, String.class), row.get(2, String.class), email);
        d.update(table).set(CrmSchema.<String>field(table, COLUMN), text).where(CrmSchema.id(table).eq(id)).execute();
    }

    /**
     * Fills {@code search_text} of every lead and contact that has none yet (records written before the column
     * existed, or bulk-generated demo and benchmark data), a thousand rows per batch.
     */
    static int fillMissing(DSLContext d) {
        int filled = 0;
        for (String entityType : List.of("Lead", "Contact")) {
            Table<?> table = CrmSchema.table(entityType);
            Field<String> id = CrmSchema.id(table);
            Field<String> text = CrmSchema.field(table, COLUMN);
            Field<String> accountName = entityType.equals("Lead") ? LEAD.ACCOUNT_NAME : DSL.inline((String) null);
            while (true) {
                var rows = d.select(id, CrmSchema.<String>field(table, "first_name"), CrmSchema.<String>field(table, "last_name"),
                                accountName, EMAIL_ADDRESS.NAME).from(table)
                        .leftJoin(ENTITY_EMAIL_ADDRESS).on(ENTITY_EMAIL_ADDRESS.ENTITY_ID.eq(id),
                                ENTITY_EMAIL_ADDRESS.ENTITY_TYPE.eq(entityType), ENTITY_EMAIL_ADDRESS.PRIMARY.eq((byte) 1),
                                ENTITY_EMAIL_ADDRESS.DELETED.eq((byte) 0))
                        .leftJoin(EMAIL_ADDRESS).on(EMAIL_ADDRESS.ID.eq(ENTITY_EMAIL_ADDRESS.EMAIL_ADDRESS_ID))
                        .where(text.isNull()).orderBy(id).limit(1000).fetch();
                if (rows.isEmpty()) {
                    break;
                }
                List<org.jooq.Query> updates = new ArrayList<>();
                for (Record r : rows) {
                    String value = of(r.get(1, String.class), r.get(2, String.class), r.get(3, String.class), r.get(4, String.class));
                    // a record without any word gets a single space, so that it is not picked up again
                    updates.add(d.update(table).set(text, value == null ? " " : value).where(id.eq(r.get(0, String.class))));
                }
                d.batch(updates).execute();
                filled += rows.size();
            }
        }
        return filled;
    }
}
