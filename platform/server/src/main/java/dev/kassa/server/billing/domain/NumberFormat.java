package dev.kassa.server.billing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document number format such as {@code INV-{yyyy}-{seq:6}}: literal text with placeholders
 * {@code {yyyy}} (the year), {@code {yy}} (its last two digits), {@code {mm}} (the month, two digits),
 * {@code {seq}} (the sequence number) and {@code {seq:N}} (the sequence number padded with zeros to N
 * digits, N from 1 to 12). Sequences restart every year, so a format holds exactly one {@code seq}
 * and a year.
 */
public final class NumberFormat {
    /** The longest format accepted; a number is at most this plus the sequence's digits. */
    public static final int MAX_LENGTH = 40;
    public static final String RULE = "literal letters, digits, spaces and - / _ . # with the placeholders {yyyy},"
            + " {yy}, {mm}, {seq} or {seq:N} (N from 1 to 12), such as INV-{yyyy}-{seq:6}";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern SEQ = Pattern.compile("seq(?::([1-9]|1[0-2]))?");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9 \\-/_.#]*");

    /** One thing wrong with a format: a stable code and a sentence. */
    public record Problem(String code, String message) { }

    private NumberFormat() {
    }

    /** Everything wrong with {@code format}; empty when it is a good format. */
    public static List<Problem> check(String format) {
        List<Problem> problems = new ArrayList<>();
        if (format == null || format.isBlank()) {
            problems.add(new Problem("blank", "must not be blank"));
            return problems;
        }
        if (format.length() > MAX_LENGTH) {
            problems.add(new Problem("too_long", "must be at most " + MAX_LENGTH + " characters"));
            return problems;
        }
        int seqs = 0;
        boolean year = false;
        Matcher m = PLACEHOLDER.matcher(format);
        StringBuilder literal = new StringBuilder();
        int last = 0;
        while (m.find()) {
            literal.append(format, last, m.start());
            last = m.end();
            String name = m.group(1);
            if (SEQ.matcher(name).matches()) {
                seqs++;
            } else if (name.equals("yyyy") || name.equals("yy")) {
                year = true;
            } else if (!name.equals("mm")) {
                problems.add(new Problem("numbering.placeholder_unknown", "{" + name + "} is no placeholder: " + RULE));
            }
        }
        literal.append(format, last, format.length());
        if (!LITERAL.matcher(literal).matches()) {
            problems.add(new Problem("invalid", "must be " + RULE));
        }
        if (seqs != 1) {
            problems.add(new Problem("numbering.seq_missing", "must hold exactly one {seq} or {seq:N}"));
        }
        if (!year) {
            problems.add(new Problem("numbering.year_missing",
                    "must hold {yyyy} or {yy}: sequences restart every year"));
        }
        return problems;
    }

    /** The number of the {@code seq}th document of {@code year}; {@code format} has passed {@link #check}. */
    public static String format(String format, int year, int month, long seq) {
        Matcher m = PLACEHOLDER.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.equals("yyyy")) {
                value = padded(year, 4);
            } else if (name.equals("yy")) {
                value = padded(year % 100, 2);
            } else if (name.equals("mm")) {
                value = padded(month, 2);
            } else {
                Matcher seqMatch = SEQ.matcher(name);
                seqMatch.matches();
                int width = seqMatch.group(1) == null ? 1 : Integer.parseInt(seqMatch.group(1));
                value = padded(seq, width);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * {@code value} with zeros in front up to {@code width} digits, as {@code %0Nd} writes it; by
     * hand, because {@code String.format} parses its pattern on every call and every invoice of a
     * billing run is numbered here.
     */
    static String padded(long value, int width) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder out = new StringBuilder(Math.max(width, digits.length()) + 1);
        if (value < 0) {
            out.append('-');
        }
        for (int i = digits.length() + (value < 0 ? 1 : 0); i < width; i++) {
            out.append('0');
        }
        return out.append(digits).toString();
    }
}
