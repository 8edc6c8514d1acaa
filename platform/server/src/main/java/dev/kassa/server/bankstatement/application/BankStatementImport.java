package dev.kassa.server.bankstatement.application;

import dev.kassa.api.statement.BankFileException;
import dev.kassa.api.statement.StatementEntry;
import dev.kassa.api.statement.StatementSummary;
import dev.kassa.server.bankstatement.domain.BankStatement;
import dev.kassa.server.bankstatement.domain.StatementLine;
import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Imports an uploaded statement file, read by the installed reader that recognises it (a plugin's
 * {@code StatementReader}, see {@link StatementFiles}). The file is read twice from a spooled copy, never held in
 * memory: first to check it whole (so a file that breaks off half-way changes nothing), then entry
 * by entry, each in its own transaction ({@link StatementEntries}), so a 50 MB file is not one
 * transaction and a repeated upload after a crash picks up where it stopped (what was imported
 * counts as duplicates).
 */
@ApplicationScoped
public class BankStatementImport {
    private StatementSteps steps;
    private StatementEntries entries;
    private StatementFiles files;

    protected BankStatementImport() {
    }

    @Inject
    public BankStatementImport(StatementSteps steps, StatementEntries entries, StatementFiles files) {
        this.steps = steps;
        this.entries = entries;
        this.files = files;
    }

    /** @param file the spooled upload; deleted by the caller */
    public BankStatement upload(String tenantId, Path file) {
        StatementSummary summary = read(file, e -> money(e));
        BankStatement statement = steps.begin(tenantId, summary.format(), summary.account());
        int[] position = {0};
        read(file, e -> {
            int at = ++position[0];
            Money amount = money(e);
            StatementLine.Outcome outcome;
            try {
                outcome = entries.importEntry(tenantId, statement.id(), at, e, amount);
            } catch (KassaException refused) {
                // Its transaction rolled back: record the refusal and go on with the rest of the file.
                entries.refused(tenantId, statement.id(), at, e, amount);
                outcome = StatementLine.Outcome.REFUSED;
            }
            statement.count(outcome);
        });
        return steps.finish(tenantId, statement);
    }

    public BankStatement get(String tenantId, String id) {
        return steps.get(tenantId, id);
    }

    public List<StatementLine> entries(String tenantId, String id, PageRequest page) {
        return steps.lines(tenantId, id, page);
    }

    private StatementSummary read(Path file, Consumer<StatementEntry> sink) {
        try (InputStream in = Files.newInputStream(file)) {
            return files.read(in, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Money money(StatementEntry e) {
        CurrencyUnit currency = CurrencyRegistry.iso4217().find(e.currency() == null ? "" : e.currency())
                .orElseThrow(() -> new BankFileException("statement.invalid",
                        "An entry has an unknown currency: " + e.currency()));
        try {
            Money m = Money.of(e.amount(), currency);
            if (!m.isPositive()) {
                throw new BankFileException("statement.invalid", "An entry has an amount of zero.");
            }
            return m;
        } catch (ArithmeticException ex) {
            throw new BankFileException("statement.invalid", "An amount has more decimals than "
                    + currency.code() + " allows, or is too large: " + e.amount().toPlainString());
        }
    }
}
