package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;
import org.jooq.Field;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Conversions between EspoCRM's API values (datetimes as text, booleans, multiEnum lists) and column values. */
final class CrmValues {

    static final DateTimeFormatter ESPO_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern TAG_PATTERN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.'&+-]{0,99}");

    private CrmValues() {
    }

    static Object toColumn(Field<?> f, Object value, String attr) {
        if (value == null) {
            return null;
        }
        Class<?> type = f.getType();
        try {
            if (type == String.class) {
                String s = value instanceof Collection<?> || value instanceof Map<?, ?> ? CrmJson.write(value) : value.toString();
                int max = f.getDataType().length();
                if (max > 0 && s.length() > max) {
                    throw new CrmValidationException(Message.of("crm.field.too-long", attr, max));
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
            throw new CrmValidationException(Message.of("crm.field.value.invalid", attr, value));
        }
    }

    static Object fromColumn(Field<?> f, Object v) {
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
            throw new CrmValidationException(Message.of("crm.tags.not-a-list"));
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (Object o : raw) {
            String tag = o == null ? "" : o.toString().strip();
            if (!TAG_PATTERN.matcher(tag).matches()) {
                throw new CrmValidationException(Message.of("crm.tag.invalid", tag));
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

    static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
