package dev.kassa.plugin.bankstatements;

import java.nio.charset.StandardCharsets;

/** What the readers judge a file's first bytes by. */
final class StatementHeads {
    private StatementHeads() {
    }

    /**
     * The head as ISO-8859-1 text (which reads any byte), without a leading byte-order mark
     * (UTF-8's, read as ISO-8859-1 or as a character) or white space.
     */
    static String start(byte[] head) {
        String start = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
        if (start.startsWith("\uFEFF") || start.startsWith("\u00EF\u00BB\u00BF")) {
            start = start.substring(start.charAt(0) == '\uFEFF' ? 1 : 3).stripLeading();
        }
        return start;
    }
}
