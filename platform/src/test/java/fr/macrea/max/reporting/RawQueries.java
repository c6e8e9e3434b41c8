package fr.macrea.max.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's baseline: hand-written SQL over plain JDBC on the bench schema, using the indexes of the EspoCRM
 * schema, returning the same answers as our services (ids in the same order, same totals).
 */
final class RawQueries {

    private static final String LEAD_COLUMNS = "id, first_name, last_name, account_name, title, address_city, status,"
            + " source, c_tags, assigned_user_id, created_at, modified_at";

    private final Connection c;
    private final String s;

    RawQueries(Connection c, String schema) {
        this.c = c;
        this.s = schema;
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Everything the Reporting tab reads for 30 days: figures, temperatures, latest 15 activities. */
    Map<String, Integer> dashboard(Instant now) {
        Instant from = now.minus(Duration.ofDays(30));
        Map<String, Integer> out = new HashMap<>();
        try {
            int total = 0;
            Timestamp hot = ts(now.minus(Duration.ofDays(5)));
            Timestamp cold = ts(now.minus(Duration.ofDays(30)));
            try (PreparedStatement p = c.prepareStatement("SELECT status, COUNT(*) FROM " + s + ".lead WHERE deleted = 0 GROUP BY status");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    total += rs.getInt(2);
                    out.put("status:" + rs.getString(1), rs.getInt(2));
                }
            }
            int active = out.getOrDefault("status:New", 0) + out.getOrDefault("status:Assigned", 0)
                    + out.getOrDefault("status:In Process", 0);
            String activeLeads = "SELECT COUNT(*) FROM " + s + ".lead WHERE deleted = 0 AND status IN ('New', 'Assigned', 'In Process') AND ";
            int hotLeads = count(activeLeads + "modified_at > ?", hot);
            int followUpLeads = count(activeLeads + "modified_at > ? AND modified_at <= ?", cold, hot);
            out.put("hot", hotLeads);
            out.put("followUpLeads", followUpLeads);
            out.put("cold", active - hotLeads - followUpLeads);
            out.put("total", total);
            try (PreparedStatement p = c.prepareStatement("SELECT CAST(created_at AS DATE), COUNT(*) FROM " + s
                    + ".lead WHERE created_at >= ? AND created_at < ? AND deleted = 0 GROUP BY CAST(created_at AS DATE)")) {
                p.setTimestamp(1, ts(from));
                p.setTimestamp(2, ts(now));
                int created = 0;
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        created += rs.getInt(2);
                    }
                }
                out.put("created", created);
            }
            out.put("campaigns", count("SELECT COUNT(*) FROM " + s + ".campaign WHERE created_at >= ? AND created_at < ? AND deleted = 0", from, now));
            try (PreparedStatement p = c.prepareStatement("SELECT action, COUNT(*) FROM " + s + ".campaign_log_record"
                    + " WHERE action_date >= ? AND action_date < ? AND deleted = 0 AND is_test = 0"
                    + " AND action IN ('Sent', 'Opened', 'Clicked') GROUP BY action")) {
                p.setTimestamp(1, ts(from));
                p.setTimestamp(2, ts(now));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.put("action:" + rs.getString(1), rs.getInt(2));
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(is_replied = 0 AND parent_type = 'Lead'"
                    + " AND date_sent < ?), 0) FROM " + s + ".email WHERE date_sent >= ? AND date_sent < ? AND status = 'Sent' AND deleted = 0")) {
                p.setTimestamp(1, ts(now.minus(Duration.ofDays(5))));
                p.setTimestamp(2, ts(from));
                p.setTimestamp(3, ts(now));
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    out.put("sent", rs.getInt(1));
                    out.put("followUp", rs.getInt(2));
                }
            }
            out.put("pending", count("SELECT COUNT(*) FROM " + s + ".email WHERE date_sent IS NULL AND status IN ('Draft', 'Sending') AND deleted = 0"));
            StringBuilder union = new StringBuilder("SELECT * FROM (");
            String[][] kinds = {{"Call", "`call`", "name"}, {"Meeting", "meeting", "name"}, {"Email", "email", "name"},
                    {"Task", "task", "name"}, {"Note", "note", "COALESCE(SUBSTRING(post, 1, 120), type)"}};
            for (int i = 0; i < kinds.length; i++) {
                union.append(i == 0 ? "" : " UNION ALL ").append("(SELECT '").append(kinds[i][0]).append("' kind, id, ")
                        .append(kinds[i][2]).append(" title, parent_type, parent_id, created_at at FROM ").append(s).append('.')
                        .append(kinds[i][1]).append(" WHERE deleted = 0 AND created_at IS NOT NULL ORDER BY created_at DESC LIMIT 15)");
            }
            union.append(") a ORDER BY at DESC, id DESC LIMIT 15");
            try (PreparedStatement p = c.prepareStatement(union.toString()); ResultSet rs = p.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                out.put("activities", n);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> firstPage(Instant now) {
        return page("SELECT " + LEAD_COLUMNS + " FROM " + s + ".lead WHERE deleted = 0"
                + " ORDER BY created_at DESC, id DESC LIMIT 51", now);
    }

    /** à relancer + source Web Site or Partner + tag vip. */
    List<String> filteredPage(Instant now) {
        Timestamp hot = ts(now.minus(Duration.ofDays(5)));
        Timestamp cold = ts(now.minus(Duration.ofDays(30)));
        return page("SELECT " + LEAD_COLUMNS + " FROM " + s + ".lead WHERE deleted = 0"
                + " AND status IN ('New', 'Assigned', 'In Process') AND modified_at > '" + cold + "' AND modified_at <= '" + hot + "'"
                + " AND source IN ('Web Site', 'Partner') AND id IN (SELECT entity_id FROM " + s + ".array_value"
                + " WHERE entity_type = 'Lead' AND attribute = 'cTags' AND value IN ('vip') AND deleted = 0)"
                + " ORDER BY created_at DESC, id DESC LIMIT 51", now);
    }

    /** The CRM's one text rule by hand: each word a prefix of a word of {@code search_text} (see SearchTextStore). */
    List<String> textPage(String text, Instant now) {
        String word = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        String ids = "SELECT id FROM " + s + ".lead WHERE deleted = 0 AND search_text LIKE '% " + word + "%'"
                + " ORDER BY created_at DESC, id DESC LIMIT 51";
        List<String> found = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(ids); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (found.isEmpty()) {
            return List.of();
        }
        return page("SELECT " + LEAD_COLUMNS + " FROM " + s + ".lead WHERE id IN (" + in(found)
                + ") ORDER BY created_at DESC, id DESC", now);
    }

    /** One page: the rows, then what the list shows with them (e-mail, activities of 30 days, user names). */
    private List<String> page(String sql, Instant now) {
        List<String> ids = new ArrayList<>();
        List<String> users = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
                if (rs.getString(10) != null) {
                    users.add(rs.getString(10));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<String> shown = ids.size() > 50 ? ids.subList(0, 50) : ids;
        if (shown.isEmpty()) {
            return List.of();
        }
        String in = in(shown);
        try {
            drain("SELECT eea.entity_id, ea.name FROM " + s + ".entity_email_address eea JOIN " + s + ".email_address ea"
                    + " ON ea.id = eea.email_address_id WHERE eea.entity_id IN (" + in + ") AND eea.entity_type = 'Lead'"
                    + " AND eea.deleted = 0 ORDER BY eea.`primary` DESC");
            String since = "'" + ts(now.minus(Duration.ofDays(30))) + "'";
            StringBuilder counts = new StringBuilder();
            String[] tables = {"`call`", "meeting", "email", "task", "note"};
            for (int i = 0; i < tables.length; i++) {
                counts.append(i == 0 ? "" : " UNION ALL ").append("SELECT parent_id, COUNT(*) FROM ").append(s).append('.')
                        .append(tables[i]).append(" WHERE parent_id IN (").append(in).append(") AND parent_type = 'Lead' AND created_at >= ")
                        .append(since).append(" AND deleted = 0 GROUP BY parent_id");
            }
            drain(counts.toString());
            if (!users.isEmpty()) {
                drain("SELECT id, first_name, last_name, user_name FROM " + s + ".user WHERE id IN (" + in(users) + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(shown);
    }

    private void drain(String sql) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                rs.getString(1);
            }
        }
    }

    private int count(String sql, Object... params) {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object v = params[i];
                p.setTimestamp(i + 1, v instanceof Instant instant ? ts(instant) : (Timestamp) v);
            }
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String in(List<String> ids) {
        StringBuilder b = new StringBuilder();
        for (String id : ids) {
            b.append(b.isEmpty() ? "" : ",").append('\'').append(id.replace("'", "''")).append('\'');
        }
        return b.toString();
    }
}
