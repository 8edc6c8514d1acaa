package dev.kassa.plugin.bankstatements;

import dev.kassa.api.statement.BankFileException;
import dev.kassa.api.statement.StatementEntry;
import dev.kassa.api.statement.StatementSummary;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * camt.053 and camt.054 by StAX on element local names: the elements read here have kept their
 * names and nesting from .001.02 to .001.13, so one reader serves every version (only the namespace
 * differs), and memory stays at one entry whatever the file's size. DTDs and external entities are
 * off: a file declaring a DOCTYPE is refused.
 */
final class CamtReader {
    private static final Pattern NAMESPACE =
            Pattern.compile("urn:iso:std:iso:20022:tech:xsd:camt\\.(053|054)\\.001\\.(\\d{2})");

    private final List<String> path = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final SyntheticReferences synthetic = new SyntheticReferences();
    private StatementFormat format;
    private String version;
    private String firstAccount;
    private String account;
    private Entry entry;
    private Tx tx;
    private String amountCurrency;
    private int count;

    /** One {@code Ntry} as read so far. */
    private static final class Entry {
        BigDecimal amount;
        String currency;
        String creditDebit;
        boolean reversal;
        String status;
        LocalDate bookingDate;
        String bankReference;
        String entryReference;
        final List<Tx> txs = new ArrayList<>();
    }

    /** One {@code TxDtls} as read so far. */
    private static final class Tx {
        BigDecimal amount;
        String currency;
        String creditDebit;
        String bankReference;
        String endToEndId;
        String txId;
        String creditorReference;
        final StringBuilder remittance = new StringBuilder();
        String debtorName;
        String creditorName;
        String debtorIban;
        String debtorBic;
    }

    StatementSummary read(InputStream in, Consumer<StatementEntry> sink) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new BankFileException("statement.unreadable", "A statement file declares no DTD.");
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    start(xml);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    end(sink);
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw new BankFileException("statement.unreadable", "The file is not well-formed XML: "
                    + firstLine(e.getMessage()), e);
        }
        if (format == null) {
            throw new BankFileException("statement.unreadable", "This is not a camt.053, camt.054 or MT940 statement.");
        }
        return new StatementSummary(format.code(), version, firstAccount, count);
    }

    private void start(XMLStreamReader xml) {
        String name = xml.getLocalName();
        if (path.isEmpty()) {
            checkDocument(xml.getNamespaceURI());
        }
        path.add(name);
        text.setLength(0);
        if (name.equals("Stmt") || name.equals("Ntfctn")) {
            account = null;
        } else if (name.equals("Ntry") && parent(1, "Stmt", "Ntfctn")) {
            entry = new Entry();
        } else if (name.equals("TxDtls") && entry != null) {
            tx = new Tx();
            entry.txs.add(tx);
        }
        if (name.equals("Amt")) {
            amountCurrency = xml.getAttributeValue(null, "Ccy");
        }
    }

    private void checkDocument(String namespace) {
        Matcher m = NAMESPACE.matcher(namespace == null ? "" : namespace);
        if (!m.matches()) {
            throw new BankFileException("statement.unreadable",
                    "This is not a camt.053, camt.054 or MT940 statement.");
        }
        int v = Integer.parseInt(m.group(2));
        if (v < 2 || v > 13) {
            throw new BankFileException("statement.unsupported_version",
                    "camt." + m.group(1) + ".001." + m.group(2) + " is not read; versions .001.02 to .001.13 are.");
        }
        format = m.group(1).equals("053") ? StatementFormat.CAMT_053 : StatementFormat.CAMT_054;
        version = "001." + m.group(2);
    }

    private void end(Consumer<StatementEntry> sink) {
        String name = path.get(path.size() - 1);
        String value = text.toString().strip();
        text.setLength(0);
        if (entry == null) {
            if ((name.equals("IBAN") && parent(1, "Id") && parent(2, "Acct"))
                    || (name.equals("Id") && parent(1, "Othr") && parent(2, "Id") && parent(3, "Acct"))) {
                if (account == null && parent(name.equals("IBAN") ? 3 : 4, "Stmt", "Ntfctn")) {
                    account = value.replace(" ", "").toUpperCase(Locale.ROOT);
                    if (firstAccount == null) {
                        firstAccount = account;
                    }
                }
            }
        } else if (tx != null) {
            endInTx(name, value);
        } else {
            endInEntry(name, value, sink);
        }
        path.remove(path.size() - 1);
    }

    private void endInEntry(String name, String value, Consumer<StatementEntry> sink) {
        switch (name) {
            case "Amt":
                if (parent(1, "Ntry")) {
                    entry.amount = decimal(value);
                    entry.currency = amountCurrency;
                }
                break;
            case "CdtDbtInd":
                if (parent(1, "Ntry")) {
                    entry.creditDebit = value;
                }
                break;
            case "RvslInd":
                entry.reversal = entry.reversal || "true".equalsIgnoreCase(value);
                break;
            case "Sts":
                if (parent(1, "Ntry") && !value.isEmpty()) {
                    entry.status = value;
                }
                break;
            case "Cd":
                if (parent(1, "Sts") && parent(2, "Ntry")) {
                    entry.status = value;
                }
                break;
            case "Dt":
            case "DtTm":
                if (parent(1, "BookgDt") && entry.bookingDate == null) {
                    entry.bookingDate = date(value);
                }
                break;
            case "AcctSvcrRef":
                if (parent(1, "Ntry")) {
                    entry.bankReference = value;
                }
                break;
            case "NtryRef":
                entry.entryReference = value;
                break;
            case "Ntry":
                emit(sink);
                entry = null;
                break;
            default:
                break;
        }
    }

    private void endInTx(String name, String value) {
        switch (name) {
            case "Amt":
                if (parent(1, "TxDtls") || (parent(1, "TxAmt") && parent(2, "AmtDtls"))) {
                    if (tx.amount == null || parent(1, "TxDtls")) {
                        tx.amount = decimal(value);
                        tx.currency = amountCurrency;
                    }
                }
                break;
            case "CdtDbtInd":
                if (parent(1, "TxDtls")) {
                    tx.creditDebit = value;
                }
                break;
            case "AcctSvcrRef":
                if (parent(1, "Refs")) {
                    tx.bankReference = value;
                }
                break;
            case "EndToEndId":
                if (!value.equalsIgnoreCase("NOTPROVIDED")) {
                    tx.endToEndId = value;
                }
                break;
            case "TxId":
                tx.txId = value;
                break;
            case "Ref":
                if (parent(1, "CdtrRefInf")) {
                    tx.creditorReference = value;
                }
                break;
            case "Ustrd":
                if (tx.remittance.length() > 0) {
                    tx.remittance.append(' ');
                }
                tx.remittance.append(value);
                break;
            case "Nm":
                if (inside("RltdPties") && inside("Dbtr") && !inside("UltmtDbtr") && tx.debtorName == null) {
                    tx.debtorName = value;
                } else if (inside("RltdPties") && inside("Cdtr") && !inside("UltmtCdtr") && tx.creditorName == null) {
                    tx.creditorName = value;
                }
                break;
            case "IBAN":
                // RltdPties/DbtrAcct/Id/IBAN: where a refund by bank transfer goes back to.
                if (inside("RltdPties") && parent(2, "DbtrAcct") && tx.debtorIban == null) {
                    tx.debtorIban = value.replace(" ", "").toUpperCase(Locale.ROOT);
                }
                break;
            case "BICFI":
            case "BIC":
                // RltdAgts/DbtrAgt/FinInstnId/BICFI (BIC up to .001.06)
                if (inside("RltdAgts") && parent(2, "DbtrAgt") && tx.debtorBic == null) {
                    tx.debtorBic = value.replace(" ", "").toUpperCase(Locale.ROOT);
                }
                break;
            case "TxDtls":
                tx = null;
                break;
            default:
                break;
        }
    }

    private void emit(Consumer<StatementEntry> sink) {
        if (entry.status != null && !entry.status.equalsIgnoreCase("BOOK")) {
            return; // pending or information only: it will come back booked
        }
        if (entry.amount == null || entry.creditDebit == null || entry.currency == null) {
            throw new BankFileException("statement.invalid", "An entry has no amount, currency or direction.");
        }
        if (account == null) {
            throw new BankFileException("statement.invalid", "A statement names no account.");
        }
        String entryRef = entry.bankReference != null ? entry.bankReference : entry.entryReference;
        boolean split = entry.txs.size() > 1 && entry.txs.stream().allMatch(t -> t.amount != null);
        if (!split) {
            Tx only = entry.txs.isEmpty() ? new Tx() : entry.txs.get(0);
            String ref = entryRef != null ? entryRef : only.bankReference;
            if (entry.txs.size() > 1) {
                // A batch without amounts per transaction: one entry, every remittance text kept.
                for (Tx t : entry.txs.subList(1, entry.txs.size())) {
                    only.remittance.append(' ').append(t.remittance);
                }
            }
            sink.accept(entry(only, ref, entry.amount, entry.currency, entry.creditDebit));
            count++;
            return;
        }
        for (int i = 0; i < entry.txs.size(); i++) {
            Tx t = entry.txs.get(i);
            String own = t.bankReference != null ? t.bankReference : t.endToEndId != null ? t.endToEndId
                    : t.txId != null ? t.txId : String.valueOf(i + 1);
            String ref = entryRef == null ? own : entryRef + "/" + own;
            sink.accept(entry(t, ref, t.amount, t.currency == null ? entry.currency : t.currency,
                    t.creditDebit == null ? entry.creditDebit : t.creditDebit));
            count++;
        }
    }

    private StatementEntry entry(Tx t, String ref, BigDecimal amount, String currency, String creditDebit) {
        boolean credit = creditDebit.equalsIgnoreCase("CRDT");
        if (!credit && !creditDebit.equalsIgnoreCase("DBIT")) {
            throw new BankFileException("statement.invalid", "An entry is neither CRDT nor DBIT.");
        }
        String remittance = t.remittance.length() == 0 ? null : t.remittance.toString();
        if (ref == null) {
            ref = synthetic.of(account, String.valueOf(entry.bookingDate), amount.toPlainString(), currency,
                    creditDebit, String.valueOf(entry.reversal), t.endToEndId, t.creditorReference, remittance,
                    t.debtorName);
        }
        return new StatementEntry(account, ref, amount, currency, credit, entry.reversal, entry.bookingDate,
                t.creditorReference, t.endToEndId, remittance, credit ? t.debtorName : t.creditorName,
                credit ? t.debtorIban : null, credit ? t.debtorBic : null);
    }

    private boolean parent(int up, String... names) {
        int i = path.size() - 1 - up;
        if (i < 0) {
            return false;
        }
        for (String n : names) {
            if (path.get(i).equals(n)) {
                return true;
            }
        }
        return false;
    }

    private boolean inside(String name) {
        return path.contains(name);
    }

    private static BigDecimal decimal(String value) {
        try {
            BigDecimal d = new BigDecimal(value);
            if (d.signum() < 0) {
                throw new BankFileException("statement.invalid", "An amount is negative: " + value);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BankFileException("statement.invalid", "An amount is not a number: " + abbreviate(value));
        }
    }

    private static LocalDate date(String value) {
        try {
            return value.length() <= 10 ? LocalDate.parse(value) : dateTime(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BankFileException("statement.invalid", "A date is not ISO 8601: " + abbreviate(value));
        }
    }

    private static LocalDate dateTime(String value) {
        try {
            return OffsetDateTime.parse(value).toLocalDate();
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.LocalDateTime.parse(value).toLocalDate();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return abbreviate(nl < 0 ? s : s.substring(nl + 1));
    }
}
