package dev.kassa.server.bankstatement.infrastructure;

import dev.kassa.api.statement.BankFileException;
import dev.kassa.api.statement.StatementEntry;
import dev.kassa.api.statement.StatementReader;
import dev.kassa.api.statement.StatementSummary;
import dev.kassa.server.bankstatement.application.StatementFiles;
import dev.kassa.server.plugin.application.PluginRegistry;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The {@link StatementReader}s of the plugins in {@code KASSA_PLUGINS_DIR}, found by PF4J through the
 * {@link PluginRegistry}: camt.053/camt.054 and MT940 are the {@code bank-statements} plugin
 * ({@code bank-statements.jar}, installed by the launcher like the payment plugins); nothing is built
 * in. A file goes to the first reader, by plugin id, that recognises its first bytes.
 */
@ApplicationScoped
public class StatementReaders implements StatementFiles {
    private static final Logger LOG = Logger.getLogger(StatementReaders.class.getName());
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** What the API and the bank_statement.format column take. */
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9.-]{0,15}");

    private PluginRegistry registry;
    private List<PluginRegistry.FoundStatementReader> builtFrom;
    private List<PluginRegistry.FoundStatementReader> readers = List.of();

    protected StatementReaders() {
    }

    @Inject
    public StatementReaders(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public StatementSummary read(InputStream file, Consumer<StatementEntry> sink) {
        return registry.call(() -> {
            BufferedInputStream in = new BufferedInputStream(file, StatementReader.HEAD_BYTES);
            byte[] head;
            try {
                in.mark(StatementReader.HEAD_BYTES);
                head = in.readNBytes(StatementReader.HEAD_BYTES);
                in.reset();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PluginRegistry.FoundStatementReader found = readers().stream()
                    .filter(r -> recognises(r, head)).findFirst()
                    .orElseThrow(() -> KassaException.unprocessable("statement.unreadable", "Not a statement",
                            readers().isEmpty()
                                    ? "No statement reader is installed: put a plugin such as bank-statements.jar"
                                            + " into the plugins directory and reload the plugins."
                                    : "This is not a statement file of a format Kassa reads ("
                                            + String.join(", ", ids()) + ")."));
            StatementSummary summary;
            try {
                summary = found.reader().read(in, sink);
            } catch (BankFileException e) {
                throw KassaException.unprocessable(e.code(), "Not a statement", e.getMessage());
            } catch (KassaException e) {
                throw e; // the platform's own check of an entry, thrown by the sink through the plugin
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.SEVERE, "Statement reader " + found.reader().id() + " of plugin " + found.pluginId()
                        + " failed on a file; nothing of it was imported", e);
                throw readerFailed(found);
            }
            if (summary == null || summary.format() == null || !FORMAT.matcher(summary.format()).matches()) {
                LOG.severe("Statement reader " + found.reader().id() + " of plugin " + found.pluginId()
                        + " returned no format or an invalid one: " + summary + "; nothing of the file was imported");
                throw readerFailed(found);
            }
            return summary;
        });
    }

    /**
     * A reader that broke on a file (a plugin's fault, not the file's as far as Kassa can tell): the
     * upload changes nothing (its transaction rolls back) and is refused like a file no reader
     * takes, never with a 500; the log says what broke.
     */
    private static KassaException readerFailed(PluginRegistry.FoundStatementReader found) {
        return KassaException.unprocessable("statement.unreadable", "Not read",
                "The statement reader '" + found.reader().id() + "' (plugin " + found.pluginId()
                        + ") failed on this file, so nothing was imported. The operator finds why in Kassa's log.");
    }

    private static boolean recognises(PluginRegistry.FoundStatementReader found, byte[] head) {
        try {
            return found.reader().recognises(head.clone());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.SEVERE, "Statement reader " + found.reader().getClass().getName() + " of plugin "
                    + found.pluginId() + " failed to judge a file; passed over", e);
            return false;
        }
    }

    private List<String> ids() {
        return readers().stream().map(r -> r.reader().id()).toList();
    }

    /** The registry's current readers with a valid id, each id once; rebuilt after a reload. */
    private synchronized List<PluginRegistry.FoundStatementReader> readers() {
        List<PluginRegistry.FoundStatementReader> current = registry.statementReaders();
        if (current == builtFrom) {
            return readers;
        }
        List<PluginRegistry.FoundStatementReader> valid = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (PluginRegistry.FoundStatementReader found : current) {
            String id;
            try {
                id = found.reader().id();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.SEVERE, "Statement reader " + found.reader().getClass().getName() + " of plugin "
                        + found.pluginId() + " failed to name itself; ignored", e);
                continue;
            }
            if (id == null || !ID.matcher(id).matches()) {
                LOG.severe(() -> "Statement reader " + found.reader().getClass().getName() + " of plugin "
                        + found.pluginId() + " has the invalid id '" + id
                        + "' (lower-case letters, digits, dashes; at most 40); ignored");
            } else if (!ids.add(id)) {
                LOG.warning(() -> "Statement reader '" + id + "' of plugin " + found.pluginId()
                        + " ignored: an earlier plugin provides it already");
            } else {
                valid.add(found);
            }
        }
        readers = List.copyOf(valid);
        builtFrom = current;
        LOG.info(() -> "Statement readers: " + (readers.isEmpty() ? "none"
                : String.join(", ", readers.stream().map(r -> r.reader().id() + " (plugin " + r.pluginId() + ")")
                        .toList())));
        return readers;
    }
}
