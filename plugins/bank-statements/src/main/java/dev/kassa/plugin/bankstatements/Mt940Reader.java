package dev.kassa.plugin.bankstatements;

import com.prowidesoftware.swift.model.field.Field61;
import dev.kassa.api.statement.BankFileException;
import dev.kassa.api.statement.StatementEntry;
import dev.kassa.api.statement.StatementSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MT940, line by line: the file is cut into tags here (bank exports rarely carry the SWIFT blocks
 * Prowide's message parser expects, and this keeps one entry in memory), and each {@code :61:} line
 * is read by Prowide's {@link Field61}. The {@code :86:} that follows a {@code :61:} is its text.
 */
final class Mt940Reader {
    private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?):(.*)$");
    /** ?20–?29 and ?60–?63 hold the remittance text in the German structured :86:, ?32/?33 the payer. */
    private static final Pattern SUBFIELD = Pattern.compile("\\?(\\d{2})");

    private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern BIC_SHAPE = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

    private final SyntheticReferences synthetic = new SyntheticReferences();
    private String account;
    private String firstAccount;
    private String currency;
    private Field61 pending;
    private String pendingText;
    private int count;
    private boolean statement;

    StatementSummary read(InputStream in, Consumer<StatementEntry> sink) throws IOException {
        // ISO-8859-1 reads any byte; MT940 is ASCII-ish whatever the bank says.
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        String tag = null;
        StringBuilder value = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("{")) {
                int block4 = line.indexOf("{4:");
                if (block4 < 0) {
                    continue;
                }
                line = line.substring(block4 + 3);
                if (line.isEmpty()) {
                    continue;
                }
            }
            Matcher m = TAG.matcher(line);
            if (m.matches()) {
                if (tag != null) {
                    field(tag, value.toString(), sink);
                }
                tag = m.group(1);
                value.setLength(0);
                value.append(m.group(2));
            } else if (line.startsWith("-")) {
                if (tag != null) {
                    field(tag, value.toString(), sink);
                }
                tag = null;
                flush(sink);
            } else if (tag != null) {
                value.append('\n').append(line);
            }
        }
        if (tag != null) {
            field(tag, value.toString(), sink);
        }
        flush(sink);
        if (!statement) {
            throw new BankFileException("statement.unreadable", "This is not a camt.053, camt.054 or MT940 statement.");
        }
        return new StatementSummary(StatementFormat.MT940.code(), null, firstAccount, count);
    }

    private void field(String tag, String value, Consumer<StatementEntry> sink) {
        switch (tag) {
            case "20":
                flush(sink);
                statement = true;
                account = null;
                currency = null;
                break;
            case "25":
                account = value.strip().replace(" ", "").toUpperCase(Locale.ROOT);
                if (firstAccount == null) {
                    firstAccount = account;
                }
                break;
            case "60F":
            case "60M":
                // C|D, YYMMDD, then the currency
                if (value.length() >= 10) {
                    currency = value.substring(7, 10);
                }
                break;
            case "61":
                flush(sink);
                pending = new Field61(value.replace("\n", ""));
                pendingText = null;
                break;
            case "86":
                if (pending != null && pendingText == null) {
                    pendingText = value;
                }
                break;
            default:
                flush(sink);
                break;
        }
    }

    private void flush(Consumer<StatementEntry> sink) {
        if (pending == null) {
            return;
        }
        Field61 f = pending;
        String text = pendingText;
        pending = null;
        pendingText = null;
        if (account == null || currency == null) {
            throw new BankFileException("statement.invalid", "A statement has no :25: account or :60F: balance.");
        }
        String mark = f.getDebitCreditMark();
        BigDecimal amount = f.getAmountAsBigDecimal();
        if (mark == null || amount == null || f.getValueDate() == null) {
            throw new BankFileException("statement.invalid", "A :61: line is not read: " + abbreviate(f.getValue()));
        }
        // RC: a credit reversed (money out), RD: a debit reversed (money in).
        boolean credit = mark.equals("C") || mark.equals("RD");
        boolean reversal = mark.startsWith("R");
        LocalDate booking = bookingDate(f.getValueDate(), f.getEntryDate());
        String remittance = remittance(text);
        String payer = subfields(text, 32, 33);
        String bankRef = f.getReferenceOfTheAccountServicingInstitution();
        if (bankRef == null || bankRef.isBlank()) {
            bankRef = synthetic.of(account, booking.toString(), amount.toPlainString(), currency, mark,
                    f.getReferenceForTheAccountOwner(), text);
        }
        String owner = f.getReferenceForTheAccountOwner();
        String endToEnd = endToEnd(text);
        if (endToEnd == null && owner != null && !owner.equalsIgnoreCase("NONREF")) {
            endToEnd = owner;
        }
        sink.accept(new StatementEntry(account, bankRef.strip(), amount, currency, credit, reversal, booking,
                null, endToEnd, remittance, payer, credit ? payerIban(text) : null, credit ? payerBic(text) : null));
        count++;
    }

    /**
     * The value date has a year, the entry (booking) date only a month and day: a December value
     * date booked in January is booked the year after, a January value date booked in December the
     * year before.
     */
    static LocalDate bookingDate(String valueDate, String entryDate) {
        LocalDate value = LocalDate.of(2000 + Integer.parseInt(valueDate.substring(0, 2)),
                Integer.parseInt(valueDate.substring(2, 4)), Integer.parseInt(valueDate.substring(4, 6)));
        if (entryDate == null || entryDate.length() != 4) {
            return value;
        }
        int month = Integer.parseInt(entryDate.substring(0, 2));
        int day = Integer.parseInt(entryDate.substring(2, 4));
        int year = value.getYear();
        if (value.getMonthValue() == 12 && month == 1) {
            year++;
        } else if (value.getMonthValue() == 1 && month == 12) {
            year--;
        }
        return LocalDate.of(year, month, day);
    }

    /** The remittance text: the SEPA subfields' text when the :86: is structured, else all of it. */
    private static String remittance(String text) {
        if (text == null) {
            return null;
        }
        if (!text.contains("?2")) {
            return text.replace("\n", " ").strip();
        }
        String joined = subfields(text, 20, 29);
        String more = subfields(text, 60, 63);
        String all = more == null ? joined : joined == null ? more : joined + more;
        return all == null ? null : all.strip();
    }

    /** ?31 of a structured :86: when it holds an IBAN (older files put a domestic account number there). */
    private static String payerIban(String text) {
        String value = subfields(text, 31, 31);
        value = value == null ? null : value.replace(" ", "").toUpperCase(Locale.ROOT);
        return value != null && IBAN_SHAPE.matcher(value).matches() ? value : null;
    }

    /** ?30 of a structured :86: when it holds a BIC (older files put a German bank code there). */
    private static String payerBic(String text) {
        String value = subfields(text, 30, 30);
        value = value == null ? null : value.replace(" ", "").toUpperCase(Locale.ROOT);
        return value != null && BIC_SHAPE.matcher(value).matches() ? value : null;
    }

    /** The SEPA end-to-end id ({@code EREF+…}) of a structured :86:, if any. */
    private static String endToEnd(String text) {
        String joined = subfields(text, 20, 29);
        if (joined == null) {
            return null;
        }
        Matcher m = Pattern.compile("EREF\\+(.*?)(?=(SVWZ|KREF|MREF|CRED|ABWA|ABWE|IBAN|BIC)\\+|MTLG:|$)").matcher(joined);
        if (m.find()) {
            String id = m.group(1).strip();
            return id.isEmpty() || id.equalsIgnoreCase("NOTPROVIDED") ? null : id;
        }
        return null;
    }

    /** The subfields {@code ?from}…{@code ?to} of a structured :86:, run together; null when there are none. */
    private static String subfields(String text, int from, int to) {
        if (text == null || !text.contains("?")) {
            return null;
        }
        String flat = text.replace("\n", "");
        Matcher m = SUBFIELD.matcher(flat);
        StringBuilder out = new StringBuilder();
        int start = -1;
        int code = -1;
        while (true) {
            boolean found = m.find();
            if (start >= 0 && code >= from && code <= to) {
                out.append(flat, start, found ? m.start() : flat.length());
            }
            if (!found) {
                break;
            }
            code = Integer.parseInt(m.group(1));
            start = m.end();
        }
        String s = out.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
