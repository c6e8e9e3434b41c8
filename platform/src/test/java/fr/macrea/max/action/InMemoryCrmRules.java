package fr.macrea.max.action;

import fr.macrea.max.crm.CrmIds;
import fr.macrea.max.crm.CrmValidationException;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules {@link InMemoryCrmGateway} shares with {@code CrmService} (input checks as {@code CrmInput} does them,
 * the tag syntax, the search rule, the opaque cursor), kept apart from the storage so that the double and the real
 * port visibly apply the same ones; {@code CrmGatewayContract} checks that they do.
 */
final class InMemoryCrmRules {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.'&+-]{0,99}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> PERSON = Set.of("firstName", "lastName", "salutationName", "title", "emailAddress",
            "emailAddressIsOptedOut", "phoneNumber", "doNotCall", "status", "source", "industry", "addressCity",
            "addressPostalCode", "addressCountry", "addressStreet", "description", "cTags", "assignedUserId",
            "campaignId", "accountName", "accountId", "website", "opportunityAmount", "opportunityAmountCurrency");
    private static final Map<String, Set<String>> ENUMS = Map.of(
            "status", Set.of("New", "Assigned", "In Process", "Converted", "Recycled", "Dead"),
            "source", Set.of("", "Call", "Email", "Existing Customer", "Partner", "Public Relations", "Web Site",
                    "Campaign", "Other"));
    private static final Set<String> SHORT = Set.of("firstName", "lastName", "title", "salutationName");

    private InMemoryCrmRules() {
    }

    /** Input checks before any change, as CrmInput does: unknown field, length, e-mail, tags, enum values. */
    static void check(String entityType, Map<String, Object> attributes) {
        boolean person = entityType.equals("Lead") || entityType.equals("Contact");
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (person && !PERSON.contains(key)) {
                throw new CrmValidationException("unknown field « " + key + " »");
            }
            if (SHORT.contains(key) && value != null && value.toString().length() > 100) {
                throw new CrmValidationException("« " + key + " » is longer than 100 characters");
            }
            if (key.equals("emailAddress") && value != null && !value.toString().isBlank()
                    && !EMAIL.matcher(value.toString().strip()).matches()) {
                throw new CrmValidationException("invalid e-mail address « " + value + " »");
            }
            if (key.equals("cTags")) {
                tagList(value);
            }
            Set<String> options = entityType.equals("Lead") ? ENUMS.get(key) : null;
            if (options != null && value != null && !options.contains(value.toString())) {
                throw new CrmValidationException("invalid value for « " + key + " »: « " + value + " »");
            }
        }
    }

    static List<String> tagList(Object value) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                String tag = o == null ? "" : o.toString().strip();
                if (!TAG.matcher(tag).matches()) {
                    throw new CrmValidationException("Étiquette invalide : « " + tag + " »");
                }
                tags.add(tag);
            }
        }
        return new ArrayList<>(tags);
    }

    /** The CRM's search rule: every query word starts a word of first name, last name, company or e-mail. */
    static boolean matches(Map<String, Object> a, String text) {
        List<String> stored = words(Stream.of("firstName", "lastName", "accountName", "emailAddress")
                .map(k -> a.get(k) == null ? "" : a.get(k).toString()).reduce("", (x, y) -> x + " " + y));
        List<String> wanted = words(text);
        return !wanted.isEmpty() && wanted.stream().allMatch(w -> stored.stream().anyMatch(s -> s.startsWith(w)));
    }

    private static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        return WORD.matcher(folded).results().map(MatchResult::group).toList();
    }

    /** The opaque cursor after a page: the last row's creation instant and id. */
    static String cursor(Instant created, Object id) {
        return Base64.getUrlEncoder().encodeToString((created + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code [instant, id]} of a cursor; a cursor the CRM did not hand out is a validation error. */
    static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            Instant.parse(parts[0]);
            CrmIds.require(parts[1]);
            return parts;
        } catch (RuntimeException e) {
            throw new CrmValidationException("bad cursor");
        }
    }
}
