package dev.kassa.server.clientarea.api;

import java.util.regex.Pattern;

/**
 * Where a page may send the browser back to after signing in or switching language: only a path of
 * the same client area. Anything else (another host, a scheme, {@code //host}, a backslash, a control
 * character) gives the fallback, so no link can make the client area an open redirect.
 */
public final class ReturnPaths {
    private static final Pattern PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~!$&'()*+,;=:@%/?-]{0,500}");

    private ReturnPaths() {
    }

    public static String safe(String returnTo, String fallback) {
        if (returnTo == null || !PATH.matcher(returnTo).matches()) {
            return fallback;
        }
        return returnTo;
    }
}
