package dev.kassa.plugin.bankstatements;

import dev.kassa.api.statement.BankFileException;
import dev.kassa.api.statement.StatementEntry;
import dev.kassa.api.statement.StatementReader;
import dev.kassa.api.statement.StatementSummary;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.pf4j.Extension;

/**
 * SWIFT MT940 customer statements, read by {@link Mt940Reader}: bank exports with or without the
 * SWIFT blocks. It recognises a file whose first bytes hold a {@code :20:} tag or open block 1.
 */
@Extension
public class Mt940StatementReader implements StatementReader {
    @Override
    public String id() {
        return "mt940";
    }

    @Override
    public boolean recognises(byte[] head) {
        String start = StatementHeads.start(head);
        return !start.startsWith("<") && (start.contains(":20:") || start.startsWith("{1:"));
    }

    @Override
    public StatementSummary read(InputStream in, Consumer<StatementEntry> sink) {
        try {
            return new Mt940Reader().read(in, sink);
        } catch (IOException e) {
            throw new BankFileException("statement.unreadable", "The file could not be read.", e);
        }
    }
}
