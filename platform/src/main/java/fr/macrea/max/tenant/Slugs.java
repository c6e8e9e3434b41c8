package fr.macrea.max.tenant;

import fr.macrea.max.shared.Message;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tenant slugs become part of a database schema name ({@code crm_<slug>}), so they are held to a strict
 * whitelist: nothing a user types reaches SQL unchecked.
 */
public final class Slugs {

    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{1,39}");

    private Slugs() {
    }

    public static String fromName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (!slug.isEmpty() && !Character.isLetter(slug.charAt(0))) {
            slug = "t_" + slug;
        }
        return slug.length() > 40 ? slug.substring(0, 40).replaceAll("_+$", "") : slug;
    }

    public static void requireValid(String slug) {
        if (slug == null || !VALID.matcher(slug).matches()) {
            throw new InvalidTenantException(Message.of("tenant.slug.invalid", String.valueOf(slug)));
        }
    }
}
