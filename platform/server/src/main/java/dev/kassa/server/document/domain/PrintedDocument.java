package dev.kassa.server.document.domain;

import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a printed invoice, credit note, receipt or pro-forma shows, already decided: no
 * billing entity is read while rendering. The fields cover what article 226 of the VAT Directive
 * (2006/112/EC) asks of an invoice: date of issue (1), a unique sequential number (2), the seller's
 * VAT ID (3) and the customer's where reverse charge applies (4), both parties' names and
 * addresses (5), the quantity and nature of what was supplied (6), the date of supply when it
 * differs from the date of issue (7), the taxable amount per rate and the unit price (8, 9), the
 * rate (10), the VAT payable (11), and the mention of an exemption or reverse charge (11a, 12).
 *
 * @param kind what the document is
 * @param number its number in its series (null for a pro-forma, which is no invoice)
 * @param issueDate the date of issue
 * @param supplyDate the date of supply (null when none applies)
 * @param dueDate when payment is due (null when nothing is to pay)
 * @param locale the language it is written in, such as {@code en} or {@code fr}
 * @param lines what was supplied, in order
 * @param vatBreakdown one entry per VAT category and rate
 * @param mentions the legal mentions to print, as message keys with their arguments
 * @param payment whether it is paid, and how to pay it otherwise
 * @param original for a credit note, the invoice it corrects; else null
 */
public record PrintedDocument(DocumentKind kind, String number, LocalDate issueDate, LocalDate supplyDate,
                              LocalDate dueDate, CurrencyUnit currency, String locale, Party seller, Party buyer,
                              List<Line> lines, List<VatGroup> vatBreakdown, Totals totals, List<Mention> mentions,
                              Payment payment, Original original) {
    public PrintedDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
        lines = List.copyOf(lines);
        vatBreakdown = List.copyOf(vatBreakdown);
        mentions = List.copyOf(mentions);
        Objects.requireNonNull(totals, "totals");
    }

    /**
     * A seller or buyer as printed.
     *
     * @param address postal address lines (empty when unknown)
     * @param country ISO 3166 alpha-2
     * @param vatId the VAT ID with its country prefix, or null
     * @param email a contact address, or null
     */
    public record Party(String name, List<String> address, String country, String vatId, String email) {
        public Party {
            Objects.requireNonNull(name, "name");
            address = address == null ? List.of() : List.copyOf(address);
        }
    }

    /**
     * One line.
     *
     * @param unitPrice net or gross as {@code Totals.pricesIncludeVat} says
     * @param vatRate in percent, such as {@code 20.00}
     * @param vatCategory the EN 16931 code: {@code S}, {@code AE}, {@code O}, {@code E}, {@code Z}
     * @param exemptionReason why no VAT is charged, or null
     */
    public record Line(String description, long quantity, Money unitPrice, Money net, BigDecimal vatRate,
                       String vatCategory, String exemptionReason) { }

    /** The taxable amount and VAT of one category and rate. */
    public record VatGroup(String vatCategory, BigDecimal rate, Money taxable, Money vat, String exemptionReason) { }

    /** The sums; {@code pricesIncludeVat} says whether the lines' unit prices are gross. */
    public record Totals(Money net, Money vat, Money gross, boolean pricesIncludeVat) { }

    /**
     * A legal mention: a key of the themes' messages ({@code document.mention.reverseCharge}) and its
     * arguments.
     */
    public record Mention(String key, List<String> arguments) {
        public Mention {
            Objects.requireNonNull(key, "key");
            arguments = List.copyOf(arguments);
        }

        public static Mention of(String key, String... arguments) {
            return new Mention(key, List.of(arguments));
        }
    }

    /**
     * @param paid whether nothing is left to pay
     * @param paidOn when it was paid (null when not)
     * @param reference what a bank transfer should quote (null when none)
     * @param instructions lines of payment instructions (a bank's details), empty when none
     */
    public record Payment(boolean paid, LocalDate paidOn, String reference, List<String> instructions) {
        public Payment {
            instructions = instructions == null ? List.of() : List.copyOf(instructions);
        }
    }

    /** The invoice a credit note corrects: its number and date of issue. */
    public record Original(String number, LocalDate issueDate) { }
}
