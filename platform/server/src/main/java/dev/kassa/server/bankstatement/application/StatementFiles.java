package dev.kassa.server.bankstatement.application;

import dev.kassa.api.statement.StatementEntry;
import dev.kassa.api.statement.StatementSummary;
import java.io.InputStream;
import java.util.function.Consumer;

/** Reads a statement file with the installed reader that recognises it (a plugin's {@code StatementReader}). */
public interface StatementFiles {
    /**
     * Hands each booked entry of {@code file} to {@code sink}, in file order.
     *
     * @param file the whole file; not closed
     * @throws dev.kassa.server.shared.KassaException 422 {@code statement.unreadable} for a file no
     *     installed reader recognises, 422 with the reader's code ({@code statement.unreadable},
     *     {@code statement.invalid}, {@code statement.unsupported_version}) for one it refuses
     */
    StatementSummary read(InputStream file, Consumer<StatementEntry> sink);
}
