package dev.kassa.server.clientarea.domain;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host name a client area answers on, in its one spelling: lower case, ASCII (an international
 * name in its {@code xn--} form), no trailing dot, no port. At least two labels, each 1 to 63
 * letters, digits or dashes not starting or ending with a dash, 253 characters in all, and a last
 * label that is not all digits (no IP addresses): {@code billing.example.com}, {@code demo.localhost}.
 */
public final class HostName {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PORT = Pattern.compile(":[0-9]{1,5}$");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final int MAX_LENGTH = 253;

    /** What a valid host name looks like, for the person reading a refusal. */
    public static final String RULE = "must be a host name such as billing.example.com or demo.localhost: letters, digits,"
            + " dashes and dots, at least two labels, no scheme, path, wildcard or IP address";

    private HostName() {
    }

    /**
     * The host name as stored, from what a tenant typed or a browser sent in {@code Host}: any case, a
     * trailing dot and a {@code :port} are accepted and dropped.
     *
     * @return empty when it is no valid host name
     */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String host = text.strip();
        host = PORT.matcher(host).replaceFirst("");
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.length() > MAX_LENGTH * 2) {
            return Optional.empty();
        }
        try {
            host = IDN.toASCII(host, 0).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return valid(host) ? Optional.of(host) : Optional.empty();
    }

    private static boolean valid(String host) {
        if (host.length() > MAX_LENGTH) {
            return false;
        }
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !DIGITS.matcher(labels[labels.length - 1]).matches();
    }
}
