package dev.kassa.server.signin.domain;

/**
 * Where a sign-in link may send the customer afterwards: a path of the client area itself, never
 * another site. It starts with one {@code /}, and has no scheme or host, no {@code //} anywhere
 * and no backslash (browsers read {@code /\evil.example} as another host), nothing that is not
 * printable ASCII, at most {@value #MAX} characters.
 */
public final class ClientAreaPath {
    public static final int MAX = 2000;

    private ClientAreaPath() {
    }

    /** What is wrong with {@code path}, or null when it is a path of the client area. */
    public static String problem(String path) {
        if (path.length() > MAX) {
            return "must be a path of at most " + MAX + " characters";
        }
        if (!path.startsWith("/") || path.contains("//") || path.contains("\\")) {
            return "must be a path of the client area, starting with a single /";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return "must be a path of the client area without spaces or control characters (percent-encode them)";
            }
        }
        return null;
    }
}
