package dev.kassa.plugin.bankstatements;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * A bank reference made from an entry's content when the bank gives none: the same entry read
 * again (the same file uploaded twice) gets the same one; two identical movements in one file get
 * different ones by their order.
 */
final class SyntheticReferences {
    private final Map<String, Integer> seen = new HashMap<>();

    String of(String... parts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String part : parts) {
            sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        String hash = "H" + HexFormat.of().formatHex(sha.digest(), 0, 12);
        int n = seen.merge(hash, 1, Integer::sum);
        return n == 1 ? hash : hash + "-" + n;
    }
}
