package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Record ids generated the way EspoCRM does ({@code Util::generateId}): PHP {@code uniqid()} (8 hex chars of the
 * seconds + 5 hex chars of the microseconds) followed by 4 random hex chars: 17 lower-case hex characters, roughly
 * time-ordered. Ids read from EspoCRM are treated as opaque strings of at most 36 characters (UUID mode).
 */
public final class CrmIds {

    /** The longest id accepted: a UUID (EspoCRM's UUID mode); the CRM's id columns are this wide at most. */
    public static final int MAX_LENGTH = 36;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9-]{1," + MAX_LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private CrmIds() {
    }

    public static String generate(Clock clock) {
        Instant now = clock.instant();
        long micros = now.getNano() / 1_000;
        byte[] random = new byte[2];
        RANDOM.nextBytes(random);
        return String.format("%08x%05x", now.getEpochSecond(), micros) + HEX.formatHex(random);
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /** Refuses a malformed id with a clear error (message key). */
    public static String require(String id) {
        if (!isValid(id)) {
            throw new CrmValidationException(Message.of("crm.id.invalid", abbreviate(id)));
        }
        return id;
    }

    private static String abbreviate(String id) {
        if (id == null) {
            return "";
        }
        return id.length() > 40 ? id.substring(0, 40) + "…" : id;
    }
}
