package dev.kassa.bankfiles;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads a statement file of any supported format, entry by entry, without holding the file in
 * memory: camt.053 and camt.054 (every version, read by element local names) and MT940.
 */
public final class BankFiles {
    private static final int SNIFF = 4096;

    private BankFiles() {
    }

    /**
     * Hands each booked entry of {@code in} to {@code sink}, in file order.
     *
     * @throws BankFileException {@code statement.unreadable} for a file that is none of the formats,
     *     {@code statement.invalid} for one that breaks off or lacks what an entry needs,
     *     {@code statement.unsupported_version} for a camt version outside .001.02–.001.13
     */
    public static StatementSummary read(InputStream in, Consumer<StatementEntry> sink) {
        BufferedInputStream buffered = new BufferedInputStream(in, SNIFF);
        try {
            buffered.mark(SNIFF);
            byte[] head = buffered.readNBytes(SNIFF);
            buffered.reset();
            String start = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).stripLeading();
            if (start.startsWith("\uFEFF") || start.startsWith("\u00EF\u00BB\u00BF")) {
                start = start.substring(start.charAt(0) == '\uFEFF' ? 1 : 3).stripLeading();
            }
            if (start.startsWith("<")) {
                return new CamtReader().read(buffered, sink);
            }
            if (start.contains(":20:") || start.startsWith("{1:")) {
                return new Mt940Reader().read(buffered, sink);
            }
        } catch (IOException e) {
            throw new BankFileException("statement.unreadable", "The file could not be read.", e);
        }
        throw new BankFileException("statement.unreadable",
                "This is not a camt.053, camt.054 or MT940 statement.");
    }
}
