package dev.kassa.server.mail.domain;

import java.util.regex.Pattern;

/**
 * A rendered mail: its subject and its body as plain text and, optionally, as HTML. The subject
 * becomes one header line, so line breaks in it become spaces.
 *
 * @param subject at most {@value #MAX_SUBJECT} characters
 * @param text the plain-text body, at most {@value #MAX_BODY} characters
 * @param html the HTML body, or null for a text-only mail; at most {@value #MAX_BODY} characters
 */
public record MailContent(String subject, String text, String html) {
    public static final int MAX_SUBJECT = 998;
    public static final int MAX_BODY = 262_144;
    /** Compiled once: every mail of a billing run passes here. */
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");

    public MailContent {
        if (subject == null || subject.isBlank() || text == null) {
            throw new IllegalArgumentException("a mail needs a subject and a text body");
        }
        subject = LINE_BREAKS.matcher(subject).replaceAll(" ").strip();
        if (subject.length() > MAX_SUBJECT || text.length() > MAX_BODY || html != null && html.length() > MAX_BODY) {
            throw new IllegalArgumentException("subject over " + MAX_SUBJECT + " or a body over " + MAX_BODY
                    + " characters");
        }
    }
}
