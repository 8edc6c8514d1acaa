package dev.kassa.plugin.bankstatements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.statement.BankFileException;
import dev.kassa.api.statement.StatementEntry;
import dev.kassa.api.statement.StatementReader;
import dev.kassa.api.statement.StatementSummary;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plugin's two readers, chosen as the platform chooses: the first that recognises the file's
 * first bytes reads it; a file neither recognises is {@code statement.unreadable}.
 */
class StatementReadersTest {
    private static final List<StatementReader> READERS = List.of(new CamtStatementReader(), new Mt940StatementReader());

    private final List<StatementEntry> entries = new ArrayList<>();

    private StatementSummary read(String resource) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/statements/" + resource)) {
            return read(in);
        }
    }

    private StatementSummary readText(String text) {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private StatementSummary read(InputStream file) {
        BufferedInputStream in = new BufferedInputStream(file, StatementReader.HEAD_BYTES);
        byte[] head;
        try {
            in.mark(StatementReader.HEAD_BYTES);
            head = in.readNBytes(StatementReader.HEAD_BYTES);
            in.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (StatementReader reader : READERS) {
            if (reader.recognises(head)) {
                return reader.read(in, entries::add);
            }
        }
        throw new BankFileException("statement.unreadable", "No reader recognises this file.");
    }

    @Test
    void readsAGermanCamt053WithABatchSplitByTransaction() throws Exception {
        StatementSummary s = read("camt053.001.02_de_bank_example.xml");
        assertEquals("camt.053", s.format());
        assertEquals("001.02", s.version());
        entries.forEach(System.out::println);
        assertEquals(s.entries(), entries.size());
        assertTrue(entries.size() >= 5, "the batch entry is split");
        assertTrue(entries.stream().anyMatch(StatementEntry::credit));
        assertTrue(entries.stream().anyMatch(e -> !e.credit()));
        assertEquals(entries.size(), entries.stream().map(StatementEntry::bankReference).distinct().count());
    }

    @Test
    void readsTheRfCreditorReferenceOfACamt053Version8() throws Exception {
        StatementSummary s = read("camt053.001.08_rf_reference_example.xml");
        assertEquals("001.08", s.version());
        assertEquals("CH1111111111111111111", s.account());
        entries.forEach(System.out::println);
        assertTrue(entries.stream().anyMatch(e -> e.creditorReference() != null
                && e.creditorReference().startsWith("RF")));
    }

    @Test
    void readsEveryFixture() throws Exception {
        for (String f : List.of("camt053.001.02_minimal.xml", "camt053.001.02_multi_statement.xml",
                "camt054.001.02_example.xml", "jejik_ing.sta", "betterplace_sepa_snippet.sta")) {
            entries.clear();
            StatementSummary s = read(f);
            System.out.println(f + " " + s);
            entries.forEach(System.out::println);
            assertFalse(entries.isEmpty(), f);
        }
    }

    @Test
    void readsMt940CreditsDebitsAndTheSepaText() throws Exception {
        StatementSummary s = read("betterplace_sepa_snippet.sta");
        assertEquals("mt940", s.format());
        assertEquals("50880050/0194787400888", s.account());
        StatementEntry first = entries.get(0);
        assertTrue(first.credit());
        assertEquals(new BigDecimal("50990.05"), first.amount());
        assertEquals("EUR", first.currency());
        assertEquals("0724710333343453", first.bankReference());
        assertEquals(LocalDate.of(2007, 9, 4), first.bookingDate());
        assertTrue(first.remittance().contains("Verw CTSc-01"), first.remittance());
        assertEquals("KARL        KAUFMANN", first.payerName());
        assertEquals("DE14508800500194785000", first.payerIban(), "?31, across the line break");
        assertEquals("DRESDEFF508", first.payerBic(), "?30");
        assertTrue(entries.stream().filter(e -> !e.credit()).allMatch(e -> e.payerIban() == null),
                "a debit's ?31 is the payee's account, not a payer's");
    }

    @Test
    void readsThePayersAccountOfACamtCredit() throws Exception {
        read("camt053.001.02_minimal.xml");
        StatementEntry credit = entries.stream().filter(e -> "NAME NAME".equals(e.payerName()))
                .findFirst().orElseThrow();
        assertTrue(credit.credit());
        assertEquals("NL56AGDH9619008421", credit.payerIban(), "RltdPties/DbtrAcct");
        assertTrue(entries.stream().filter(e -> !e.credit()).allMatch(e -> e.payerIban() == null));
        entries.clear();
        read("camt053.001.02_de_bank_example.xml");
        assertTrue(entries.stream().filter(e -> !e.credit()).allMatch(e -> e.payerIban() == null),
                "a debit's DbtrAcct is our own account, not a payer's");
    }

    @Test
    void readsThePayersAccountOfANewerCamtWithPtyAndBicfi() {
        String xml = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
                <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
                <Ntry><Amt Ccy="EUR">25.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>2026-11-30</Dt></BookgDt><AcctSvcrRef>R-1</AcctSvcrRef>
                <NtryDtls><TxDtls>
                <RltdPties><Dbtr><Pty><Nm>Anna Muster</Nm></Pty></Dbtr>
                <DbtrAcct><Id><IBAN>FR76 3000 6000 0112 3456 7890 189</IBAN></Id></DbtrAcct>
                <Cdtr><Pty><Nm>Shop</Nm></Pty></Cdtr>
                <CdtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></CdtrAcct></RltdPties>
                <RltdAgts><DbtrAgt><FinInstnId><BICFI>AGRIFRPP</BICFI></FinInstnId></DbtrAgt>
                <CdtrAgt><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></CdtrAgt></RltdAgts>
                </TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>
                """;
        readText(xml);
        assertEquals(1, entries.size());
        assertEquals("Anna Muster", entries.get(0).payerName());
        assertEquals("FR7630006000011234567890189", entries.get(0).payerIban());
        assertEquals("AGRIFRPP", entries.get(0).payerBic());
    }

    @Test
    void readsMt940ReversalsAndDatesAcrossTheYearEnd() {
        readText(":20:X\n:25:DE00123\n:60F:C251231EUR0,00\n"
                + ":61:2512310102C10,00NTRFNONREF//B1\n:86:TU7K2M9QXD\n"
                + ":61:2601021231RC10,00NTRFNONREF//B2\n:86:back\n"
                + ":61:2601020102RD5,00NTRFNONREF//B3\n:62F:C260102EUR0,00\n-\n");
        assertEquals(LocalDate.of(2026, 1, 2), entries.get(0).bookingDate());
        assertEquals(LocalDate.of(2025, 12, 31), entries.get(1).bookingDate());
        assertFalse(entries.get(1).credit());
        assertTrue(entries.get(1).reversal());
        assertTrue(entries.get(2).credit());
        assertTrue(entries.get(2).reversal());
        assertEquals("TU7K2M9QXD", entries.get(0).remittance());
    }

    @Test
    void refusesWhatIsNoStatement() {
        assertEquals("statement.unreadable", assertThrows(BankFileException.class,
                () -> readText("hello")).code());
        assertEquals("statement.unreadable", assertThrows(BankFileException.class,
                () -> readText("<html><body/></html>")).code());
        assertEquals("statement.unsupported_version", assertThrows(BankFileException.class,
                () -> readText("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.01\"/>")).code());
        assertEquals("statement.unreadable", assertThrows(BankFileException.class,
                () -> readText("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>"))
                .code());
    }

    @Test
    void eachReaderRecognisesItsOwnFormatOnly() {
        byte[] camt = ("\uFEFF <?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\">")
                .getBytes(StandardCharsets.UTF_8);
        byte[] mt940 = ":20:STARTUMS\r\n:25:DE00123\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] swift = "{1:F01BANKDEFFAXXX0000000000}{2:I940}{4:\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] pain = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\">".getBytes(StandardCharsets.UTF_8);
        assertTrue(new CamtStatementReader().recognises(camt));
        assertFalse(new Mt940StatementReader().recognises(camt));
        assertTrue(new Mt940StatementReader().recognises(mt940));
        assertTrue(new Mt940StatementReader().recognises(swift));
        assertFalse(new CamtStatementReader().recognises(mt940));
        assertFalse(new CamtStatementReader().recognises(pain));
        assertFalse(new Mt940StatementReader().recognises(pain));
        assertFalse(new CamtStatementReader().recognises(new byte[0]));
        assertFalse(new Mt940StatementReader().recognises(new byte[0]));
    }

    @Test
    void refusesExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt>"
                + "<Acct><Id><IBAN>DE00</IBAN></Id></Acct><Ntry><Amt Ccy=\"EUR\">1.00</Amt>"
                + "<CdtDbtInd>CRDT</CdtDbtInd><AddtlNtryInf>&x;</AddtlNtryInf></Ntry></Stmt></BkToCstmrStmt></Document>";
        assertEquals("statement.unreadable", assertThrows(BankFileException.class, () -> readText(xxe)).code());
    }
}
