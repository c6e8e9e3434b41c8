package fr.macrea.max.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Who tries to sign in: the account as typed (normalised like {@link MaxUserDetailsService} does, cut and
 * stripped of control characters so it is safe in a log line) and the client's address. An IPv6 address counts
 * by its /64 prefix, which one client holds whole and can rotate freely.
 */
public record LoginKey(String account, String address) {

    private static final int MAX_ACCOUNT = 120;

    public static LoginKey of(String username, String remoteAddress) {
        String account = username == null ? "" : username.strip().toLowerCase(Locale.ROOT)
                .replaceAll("\\p{Cntrl}", "?");
        if (account.length() > MAX_ACCOUNT) {
            account = account.substring(0, MAX_ACCOUNT);
        }
        return new LoginKey(account, address(remoteAddress));
    }

    static String address(String remote) {
        if (remote == null || remote.isBlank()) {
            return "unknown";
        }
        String literal = remote.strip();
        if (!literal.contains(":")) {
            return literal.replaceAll("[^0-9.]", "?"); // IPv4 literal from the container, never a host name
        }
        try {
            // a literal never triggers a name look-up
            byte[] bytes = InetAddress.getByName(literal.startsWith("[") ? literal : "[" + literal + "]")
                    .getAddress();
            if (bytes.length == 16) {
                for (int i = 8; i < 16; i++) {
                    bytes[i] = 0;
                }
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return "invalid";
        }
    }
}
