package dev.kassa.server.shared;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ISO 11649 structured creditor references ({@code RF} + two check digits + up to 21 letters and
 * digits), which banking apps offer as a field of their own and pass on untouched. Kassa's is made
 * from a payment reference: {@code TU7K2M9QXD} becomes {@code RF..TU7K2M9QXD}.
 */
public final class CreditorReferences {
    private static final Pattern SHAPE = Pattern.compile("RF[0-9]{2}[0-9A-Z]{1,21}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private CreditorReferences() {
    }

    private static final Pattern BODY = Pattern.compile("[0-9A-Z]{1,21}");

    /**
     * The RF reference of {@code reference}, without spaces.
     *
     * @throws IllegalArgumentException unless it is 1 to 21 letters and digits
     */
    public static String of(String reference) {
        return forReference(reference).orElseThrow(() -> new IllegalArgumentException(
                "an RF reference holds 1 to 21 letters and digits: " + reference));
    }

    /** The RF reference of {@code reference}, or empty when it is not 1 to 21 letters and digits. */
    public static Optional<String> forReference(String reference) {
        String body = reference == null ? "" : reference.toUpperCase(Locale.ROOT);
        if (!BODY.matcher(body).matches()) {
            return Optional.empty();
        }
        int check = 98 - mod97(body + "RF00");
        return Optional.of("RF" + (check < 10 ? "0" : "") + check + body);
    }

    /** In groups of four, as printed on a payment slip: {@code RF18 TU7K 2M9Q XD}. */
    public static String printed(String creditorReference) {
        return creditorReference.replaceAll("(.{4})(?=.)", "$1 ");
    }

    /**
     * The part after {@code RFnn} when {@code text} is a valid RF reference (spaces and case
     * forgiven, check digits verified), else empty.
     */
    public static Optional<String> body(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(compact).matches()) {
            return Optional.empty();
        }
        String body = compact.substring(4);
        return mod97(body + compact.substring(0, 4)) == 1 ? Optional.of(body) : Optional.empty();
    }

    private static int mod97(String text) {
        StringBuilder digits = new StringBuilder();
        for (char c : text.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }
}
