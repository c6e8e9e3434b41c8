package fr.macrea.max.settings;

/**
 * The tenant's SMTP server for e-mails sent by the embedded automation (SPEC §9). {@code username} and the password
 * are optional (a relay that trusts the network needs none).
 */
public record SmtpSettings(String host, Integer port, String username, String sender, Security security,
                           SecretState password) {

    /** How the connection is protected: none (port 25 relays only), STARTTLS (587), implicit TLS (465). */
    public enum Security { NONE, STARTTLS, TLS }

    public static final SmtpSettings NONE = new SmtpSettings(null, null, null, null, Security.STARTTLS, SecretState.NONE);

    public boolean configured() {
        return host != null;
    }
}
