package dev.kassa.server.bankstatement.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.statement.BankFileException;
import dev.kassa.api.statement.StatementEntry;
import dev.kassa.api.statement.StatementReader;
import dev.kassa.api.statement.StatementSummary;
import dev.kassa.server.plugin.application.PluginRegistry;
import dev.kassa.server.plugin.application.TestPlugins;
import dev.kassa.server.shared.KassaException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PF4J as the server uses it for uploads: statement readers come from the plugins in the plugins
 * directory (the bank-statements plugin's jar here), the first that recognises a file reads it,
 * and what none recognises is {@code statement.unreadable}.
 */
class StatementReadersTest {
    private static final String CAMT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrNtfctn><Ntfctn>"
            + "<Acct><Id><IBAN>DE89 3704 0044 0532 0130 00</IBAN></Id></Acct><Ntry><Amt Ccy=\"EUR\">12.50</Amt>"
            + "<CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-12-01</Dt></BookgDt>"
            + "<AcctSvcrRef>B-1</AcctSvcrRef></Ntry></Ntfctn></BkToCstmrNtfctn></Document>";

    @TempDir
    Path dir;

    private PluginRegistry registry;

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.stop();
        }
    }

    private StatementReaders start() {
        registry = new PluginRegistry(dir);
        registry.start();
        return new StatementReaders(registry);
    }

    @Test
    void theBankStatementsPluginReadsCamtAndMt940FromItsOwnClassLoader() throws IOException {
        TestPlugins.installBankStatementsPlugin(dir);
        StatementReaders readers = start();
        List<PluginRegistry.FoundStatementReader> found = registry.statementReaders();
        assertEquals(List.of("camt", "mt940"), found.stream().map(f -> f.reader().id()).sorted().toList());
        found.forEach(f -> {
            assertEquals("bank-statements", f.pluginId());
            assertNotSame(getClass().getClassLoader(), f.reader().getClass().getClassLoader());
            assertSame(StatementReader.class, f.reader().getClass().getInterfaces()[0], "one copy of the API");
        });

        List<StatementEntry> entries = new ArrayList<>();
        StatementSummary camt = readers.read(stream(CAMT), entries::add);
        assertEquals("camt.054", camt.format());
        assertEquals("DE89370400440532013000", camt.account());
        assertEquals("B-1", entries.get(0).bankReference());

        StatementSummary mt940 = readers.read(stream(":20:X\n:25:DE00123\n:60F:C251231EUR0,00\n"
                + ":61:2512310102C10,00NTRFNONREF//B1\n:86:TU7K2M9QXD\n:62F:C260102EUR10,00\n-\n"), entries::add);
        assertEquals("mt940", mt940.format());
        assertEquals(1, mt940.entries());
    }

    @Test
    void aFileNoReaderRecognisesOrOneTheReaderRefusesIsAProblemWithItsCode() throws IOException {
        TestPlugins.installBankStatementsPlugin(dir);
        StatementReaders readers = start();
        KassaException none = assertThrows(KassaException.class, () -> readers.read(stream("hello"), e -> { }));
        assertEquals("statement.unreadable", none.code());
        assertTrue(none.getMessage().contains("(camt, mt940)"), none::getMessage);
        assertEquals("statement.unsupported_version", assertThrows(KassaException.class, () -> readers.read(
                stream("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.01\"/>"), e -> { })).code());
        // an exception of the sink (the platform's own check of an entry) passes through the plugin
        assertEquals("statement.invalid", assertThrows(KassaException.class, () -> readers.read(stream(CAMT), e -> {
            throw new BankFileException("statement.invalid", "An entry has an unknown currency.");
        })).code());
    }

    @Test
    void withNoStatementPluginEveryUploadIsUnreadableAndSaysWhatToInstall() {
        StatementReaders readers = start();
        KassaException e = assertThrows(KassaException.class, () -> readers.read(stream(CAMT), x -> { }));
        assertEquals("statement.unreadable", e.code());
        assertTrue(e.getMessage().contains("bank-statements.jar"), e::getMessage);
    }

    @Test
    void aReaderThatBreaksOnAFileIsRefusedAsUnreadableNeverAServerError() {
        StatementReader throwing = reader("broken", (in, sink) -> {
            sink.accept(null); // what it read so far goes nowhere: the upload's transaction rolls back
            throw new IllegalStateException("index out of range in the plugin");
        });
        StatementReader noFormat = reader("noformat", (in, sink) -> null);
        for (StatementReader broken : List.of(throwing, noFormat)) {
            registry = new PluginRegistry(dir) {
                @Override
                public List<FoundStatementReader> statementReaders() {
                    return List.of(new FoundStatementReader(broken, "acme-bank"));
                }
            };
            StatementReaders readers = new StatementReaders(registry);
            List<StatementEntry> seen = new ArrayList<>();

            KassaException e = assertThrows(KassaException.class, () -> readers.read(stream(CAMT), seen::add));

            assertEquals("statement.unreadable", e.code());
            assertEquals(422, e.status());
            assertTrue(e.getMessage().contains("'" + broken.id() + "' (plugin acme-bank) failed"), e::getMessage);
        }
        registry = null;
    }

    private static StatementReader reader(String id,
            BiFunction<InputStream, Consumer<StatementEntry>,
                    StatementSummary> read) {
        return new StatementReader() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public boolean recognises(byte[] head) {
                return true;
            }

            @Override
            public StatementSummary read(InputStream in, Consumer<StatementEntry> sink) {
                return read.apply(in, sink);
            }
        };
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
