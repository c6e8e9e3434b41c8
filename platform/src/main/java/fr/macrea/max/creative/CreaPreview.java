package fr.macrea.max.creative;

import java.util.Set;

/**
 * A creation as one lead would receive it.
 *
 * @param body       sanitised HTML (newsletter, e-mail) or the plain text
 * @param unresolved placeholders that lead could not fill (an unknown field)
 * @param segments   the length and SMS parts of a plain-text channel, null for HTML
 */
public record CreaPreview(String subject, String body, boolean html, Set<String> unresolved,
                          SmsSegments.Segments segments) {
}
