package dev.kassa.server.webhook.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Where a tenant's webhooks may go: an absolute {@code https} URL whose host is, and resolves to,
 * public addresses only, never loopback, private, link-local, carrier-grade NAT, multicast or
 * reserved ones, so that a tenant cannot make Kassa call into the network it runs in. The operator
 * lifts both rules for tests and local development ({@code KASSA_WEBHOOKS_ALLOW_INSECURE}).
 */
public final class Destinations {
    public static final int MAX_URL = 2000;

    private Destinations() {
    }

    /** Why a destination is refused, with a stable code. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        /** Not an absolute http(s) URL of at most 2000 characters, or one with a user name or a fragment. */
        public static final String INVALID = "webhook.url_invalid";
        /** Plain http. */
        public static final String INSECURE = "webhook.url_insecure";
        /** The host is, or resolves to, an address Kassa never calls. */
        public static final String FORBIDDEN = "webhook.url_forbidden";

        private final String code;

        public Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The URL, checked for its form (not its addresses). */
    public static URI parse(String url, boolean allowInsecure) throws Refused {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw new Refused(Refused.INVALID, "url: must be an absolute https URL of at most " + MAX_URL
                    + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused(Refused.INVALID, "url: is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new Refused(Refused.INVALID, "url: must be an absolute https URL with a host, without a user name"
                    + " or a fragment");
        }
        if (scheme.equals("http") && !allowInsecure) {
            throw new Refused(Refused.INSECURE, "url: must be https");
        }
        if (!allowInsecure && isLocalName(uri.getHost())) {
            throw new Refused(Refused.FORBIDDEN, "url: " + uri.getHost() + " is a local name");
        }
        return uri;
    }

    /** Every address the host resolved to must be public (unless insecure destinations are allowed). */
    public static void checkAddresses(String host, List<InetAddress> addresses, boolean allowInsecure) throws Refused {
        if (allowInsecure) {
            return;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new Refused(Refused.FORBIDDEN, "url: " + host + " resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or reserved address");
            }
        }
    }

    /** The names that always mean this machine or its network. */
    static boolean isLocalName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.endsWith(".local") || h.endsWith(".internal");
    }

    /** Whether Kassa may call this address: not this machine, not a private network, not reserved. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d): judge the IPv4 address inside.
            boolean zeros = true;
            for (int i = 0; i < 10; i++) {
                zeros &= b[i] == 0;
            }
            if (zeros && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7, unique local
            }
            if (first == 0x00 || first == 0xff) {
                // ::/8 reserved (loopback, unspecified, and 64:ff9b::/96 NAT64, which reaches any IPv4
                // address, private ones included); ff00::/8 multicast
                return false;
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32, documentation
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0 // 0.0.0.0/8, this network
                || a0 == 10 // private
                || a0 == 127 // loopback
                || (a0 == 100 && a1 >= 64 && a1 <= 127) // 100.64.0.0/10, carrier-grade NAT
                || (a0 == 169 && a1 == 254) // link-local, cloud metadata services
                || (a0 == 172 && a1 >= 16 && a1 <= 31) // private
                || (a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
                || (a0 == 192 && a1 == 168) // private
                || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
                || a0 >= 224); // multicast, reserved, broadcast
    }
}
