package fr.macrea.max.settings;

import fr.macrea.max.shared.Message;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The checks of tenant settings, each refusing with the field and a message that names the rule or the limit. Values
 * are trimmed; a blank optional value is "not set" (null).
 */
final class SettingsInput {

    static final int URL_MAX = 500;
    static final int SECRET_MAX = 500;
    static final int NAME_MAX = 100;
    static final int HOST_MAX = 253;
    static final int USER_MAX = 254;
    static final int EMAIL_MAX = 254;

    private SettingsInput() {
    }

    /** An http(s) address with a host, at most {@link #URL_MAX} characters, without its trailing slashes. */
    static String url(String field, String value, boolean required) {
        String url = text(field, value, URL_MAX, required);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw invalidUrl(field);
            }
        } catch (URISyntaxException e) {
            throw invalidUrl(field);
        }
        return url.replaceAll("/+$", "");
    }

    private static SettingsValidationException invalidUrl(String field) {
        return new SettingsValidationException(field, Message.of("settings.url.invalid"));
    }

    static String text(String field, String value, int max, boolean required) {
        String text = value == null ? "" : value.strip();
        if (text.length() > max) {
            throw new SettingsValidationException(field, Message.of("settings.too-long", max));
        }
        if (text.isEmpty()) {
            if (required) {
                throw new SettingsValidationException(field, Message.of("settings.required"));
            }
            return null;
        }
        return text;
    }

    static String host(String field, String value) {
        String host = text(field, value, HOST_MAX, true);
        if (!host.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
            throw new SettingsValidationException(field, Message.of("settings.smtp.host.invalid"));
        }
        return host.toLowerCase(Locale.ROOT);
    }

    static int port(String field, Integer value) {
        if (value == null || value < 1 || value > 65_535) {
            throw new SettingsValidationException(field, Message.of("settings.smtp.port.invalid"));
        }
        return value;
    }

    static String email(String field, String value) {
        String email = text(field, value, EMAIL_MAX, true);
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new SettingsValidationException(field, Message.of("settings.email.invalid"));
        }
        return email;
    }

    static SecretChange secret(String field, SecretChange change) {
        SecretChange given = change == null ? SecretChange.keep() : change;
        if (given.kind() == SecretChange.Kind.REPLACE) {
            String value = text(field, given.value(), SECRET_MAX, true);
            return SecretChange.replace(value);
        }
        return given;
    }
}
