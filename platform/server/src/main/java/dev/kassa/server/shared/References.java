package dev.kassa.server.shared;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short payment references a customer can type into a bank form: a two-letter kind and eight
 * characters of Crockford base 32 (no I, L, O or U), e.g. {@code TU7K2M9QXD}. Banks mangle what
 * they pass on, so matching forgives case, spaces, dashes and the usual look-alikes (O for 0, I/L for 1).
 */
public final class References {
    public static final String ACCOUNT = "AC";
    public static final String TOP_UP = "TU";
    /** An invoice's payment reference: a bank transfer quoting it pays the invoice. */
    public static final String INVOICE = "IV";
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern CANDIDATE = Pattern.compile("(AC|TU|IV)[0-9A-HJKMNP-TV-Z]{8}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private References() {
    }

    public static String next(String kind) {
        StringBuilder out = new StringBuilder(kind);
        for (int i = 0; i < 8; i++) {
            out.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return out.toString();
    }

    /**
     * Every reference-shaped code found in what a bank passed on: first those standing as one word,
     * in order, then those a bank split with separators.
     */
    public static Set<String> candidates(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null) {
            return found;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        // First each word on its own, then the text with separators removed ("TU-7K2M-9QXD").
        for (String word : upper.split("[^A-Z0-9]+")) {
            addMatches(normalise(word), found);
        }
        addJoined(upper.replaceAll("[^A-Z0-9]", ""), found);
        return found;
    }

    /**
     * Codes split by a bank's separators, in the text run together: each kind where it stands, with
     * the look-alikes fixed in the eight characters after it only, so that a kind with a look-alike
     * letter ({@code IV}) is not itself "fixed" when words come before it ("PAYMENTIV…").
     */
    private static void addJoined(String joined, Set<String> found) {
        int i = 0;
        while (i + 10 <= joined.length()) {
            String code = normalise(joined.substring(i, i + 10));
            if (CANDIDATE.matcher(code).matches()) {
                found.add(code);
                i += 10; // leftmost first, never overlapping
            } else {
                i++;
            }
        }
    }

    private static void addMatches(String text, Set<String> found) {
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
    }

    private static String normalise(String word) {
        if (word.length() < 2) {
            return word;
        }
        // The two-letter kind stays as is; look-alikes are fixed in the code part only.
        return word.substring(0, 2) + word.substring(2).replace('O', '0').replace('I', '1').replace('L', '1');
    }
}
