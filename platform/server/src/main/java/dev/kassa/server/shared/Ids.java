package dev.kassa.server.shared;

import java.security.SecureRandom;

/**
 * Identifiers of the form {@code prefix_ULID}: 48 bits of milliseconds then 80 random bits, in
 * Crockford base 32. They sort by creation time, which gives every list a stable, cursor-friendly
 * "newest first" order without a second column; within one millisecond the random part is
 * incremented so ids made by this process stay strictly increasing.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static final byte[] lastRandom = new byte[10];

    private Ids() {
    }

    public static String next(String prefix) {
        byte[] bytes = new byte[16];
        synchronized (Ids.class) {
            long now = System.currentTimeMillis();
            if (now <= lastMillis) {
                now = lastMillis;
                increment(lastRandom);
            } else {
                lastMillis = now;
                RANDOM.nextBytes(lastRandom);
                lastRandom[0] &= 0x7F; // headroom so increments within one millisecond never wrap
            }
            for (int i = 0; i < 6; i++) {
                bytes[i] = (byte) (now >>> (40 - 8 * i));
            }
            System.arraycopy(lastRandom, 0, bytes, 6, 10);
        }
        return prefix + "_" + encode(bytes);
    }

    /**
     * An id of the same shape that is always the same for the same parts (a digest of them): for
     * work that a retried request must find again rather than redo, such as a payment attempt
     * named after the request's Idempotency-Key. Not time-ordered.
     */
    public static String derived(String prefix, String... parts) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            byte[] bytes = java.util.Arrays.copyOf(digest.digest(), 16);
            return prefix + "_" + encode(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code id} has the shape of an id with this prefix (it may still not exist). */
    public static boolean looksLike(String id, String prefix) {
        if (id == null || id.length() != prefix.length() + 27 || !id.startsWith(prefix + "_")) {
            return false;
        }
        for (int i = prefix.length() + 1; i < id.length(); i++) {
            if (indexOf(id.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void increment(byte[] value) {
        for (int i = value.length - 1; i >= 0; i--) {
            if (++value[i] != 0) {
                return;
            }
        }
    }

    private static String encode(byte[] bytes) {
        // 128 bits -> 26 characters of 5 bits (the first holds 3 bits)
        StringBuilder out = new StringBuilder(26);
        java.math.BigInteger n = new java.math.BigInteger(1, bytes);
        for (int i = 25; i >= 0; i--) {
            out.append(ALPHABET[n.shiftRight(i * 5).intValue() & 31]);
        }
        return out.toString();
    }

    private static int indexOf(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
