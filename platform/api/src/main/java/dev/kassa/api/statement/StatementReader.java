package dev.kassa.api.statement;

import java.io.InputStream;
import java.util.function.Consumer;
import org.pf4j.ExtensionPoint;

/**
 * A reader of one kind of bank statement file, such as ISO 20022 camt.053/camt.054 or SWIFT MT940:
 * the tenant uploads a file as exported from its bank ({@code POST /api/v1/bank-statements}), the
 * platform asks each installed reader whether it {@linkplain #recognises recognises} the file's first
 * bytes and hands the file to the first that does. Another format (CODA, BAI2, a bank's own CSV) is
 * another plugin with another reader; the platform does not change.
 *
 * <p>The platform reads every upload twice: once whole to check it (so a file that breaks off
 * half-way records nothing), then again to import the entries one by one. A reader therefore sees
 * the same file twice and must hand on the same entries, with the same bank references, both times.
 *
 * <p>A reader streams: it hands each entry to the sink as soon as it is read and keeps no more of
 * the file than the entry at hand, so a 50 MB file needs no 50 MB of heap. It does no I/O of its own
 * (XML readers: no DTDs, no external entities), keeps no state between calls and is safe to call from
 * several threads at once (make a fresh parser per {@link #read}).
 */
public interface StatementReader extends ExtensionPoint {

    /** How many of the file's first bytes {@link #recognises} is shown (fewer when the file is shorter). */
    int HEAD_BYTES = 4096;

    /**
     * A short, stable identifier of the reader, such as {@code "camt"} or {@code "mt940"}: lower case
     * letters, digits and dashes, at most 40. The platform logs it and names it in the start log; two
     * readers with the same id are one too many, and the second (by plugin id) is left out.
     */
    String id();

    /**
     * Whether this looks like a file of this reader's format, judged from its first bytes alone:
     * cheap, never throws, reads nothing else. A byte-order mark and leading white space are the
     * reader's to skip. Say yes to a file of the format in a version not read, so that
     * {@link #read} can refuse it with {@code statement.unsupported_version}; say no to what is some
     * other format, so that another reader may have it.
     *
     * @param head the file's first {@link #HEAD_BYTES} bytes, or all of it when shorter; not to be kept
     */
    boolean recognises(byte[] head);

    /**
     * Reads the file and hands each booked entry to {@code sink}, in file order. Entries that are
     * not booked (pending, information only) are left out: they come back booked in a later file.
     * A batch is handed on split into one entry per transaction when the file gives each one's
     * amount.
     *
     * <p>An exception the sink throws is the platform's: let it through unchanged.
     *
     * @param in the whole file from its first byte; not closed (the caller owns the stream)
     * @return what the file held; {@link StatementSummary#entries()} is the number of entries handed on
     * @throws BankFileException {@code statement.unreadable} for a file that is not of this format
     *     after all or is not well-formed, {@code statement.invalid} for one that lacks what an entry
     *     needs, {@code statement.unsupported_version} for a version the reader does not read
     */
    StatementSummary read(InputStream in, Consumer<StatementEntry> sink);
}
