package dev.kassa.server.billing.api;

import dev.kassa.server.web.JsonRequest;
import dev.kassa.server.web.MoneyInput;
import dev.kassa.server.web.constraint.Country;
import dev.kassa.server.web.constraint.DateTime;
import dev.kassa.server.web.constraint.Matches;
import dev.kassa.server.web.constraint.OneOf;
import dev.kassa.server.web.constraint.Required;
import dev.kassa.server.web.constraint.Text;
import dev.kassa.server.web.constraint.ValidMoney;
import dev.kassa.server.web.constraint.WholeNumber;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import java.util.List;

/** The request bodies of this context, with the rules each field must meet. */
public final class BillingRequests {
    private static final String DAYS_RULE = "must be a whole number of days from 0 to 3650";

    private BillingRequests() {
    }

    /**
     * {@code {establishmentCountry, vatId, pricesIncludeVat, graceDays, terminationDays, invoiceTopUps,
     * numbering: {invoice, creditNote, receipt}}}, the settings as a whole: a member left out (or null) takes
     * its default. The service checks what depends on more than one field.
     */
    public record BillingSettingsRequest(@Country String establishmentCountry, @Text(max = 30) String vatId,
                                         Boolean pricesIncludeVat,
                                         @WholeNumber(min = -1_000_000, max = 1_000_000, rule = DAYS_RULE)
                                         JsonValue graceDays,
                                         @WholeNumber(min = -1_000_000, max = 1_000_000, rule = DAYS_RULE)
                                         JsonValue terminationDays,
                                         Boolean invoiceTopUps, @Valid NumberingRequest numbering)
            implements JsonRequest {
        public Integer grace() {
            return graceDays instanceof JsonNumber n ? n.intValue() : null;
        }

        public Integer termination() {
            return terminationDays instanceof JsonNumber n ? n.intValue() : null;
        }
    }

    /** The number format of each series; one left out keeps its default. */
    public record NumberingRequest(@Text(max = 100) String invoice, @Text(max = 100) String creditNote,
                                   @Text(max = 100) String receipt) { }

    /**
     * {@code {payerId, lines, supplyDate, dueAt}}: a draft invoice for one of the account's payers. {@code supplyDate}
     * ({@code YYYY-MM-DD}) is the date of supply the VAT rates are taken for, the date of finalisation when left out;
     * {@code dueAt} when it must be paid, at finalisation when left out.
     */
    public record InvoiceRequest(@Required @Text(max = 40) String payerId,
                                 @Required List<@Valid InvoiceLineRequest> lines,
                                 @Matches(regex = "[0-9]{4}-[0-9]{2}-[0-9]{2}", max = 10,
                                         rule = "must be a date written YYYY-MM-DD") String supplyDate,
                                 @DateTime String dueAt) implements JsonRequest { }

    /** One line: what, how many (a whole number), the unit price in the account's currency, and its VAT category. */
    public record InvoiceLineRequest(@Required @Text(max = 500) String description,
                                     @Required @WholeNumber(min = 1, max = 1_000_000,
                                             rule = "must be a whole number from 1 to 1000000") JsonValue quantity,
                                     @Required @ValidMoney MoneyInput unitPrice,
                                     @OneOf({"STANDARD"}) String taxCategory) {
        public long count() {
            return ((JsonNumber) quantity).longValue();
        }
    }

    /**
     * {@code {reason, lines}}: a credit note for a finalised invoice; {@code lines} left out (or empty) takes
     * back everything not credited yet, else each names an invoice line and how many of its units.
     */
    public record CreditNoteRequest(@Required @Text(max = 500) String reason, List<@Valid CreditNoteLineRequest> lines)
            implements JsonRequest { }

    /** How many units of one invoice line a credit note takes back. */
    public record CreditNoteLineRequest(@Required @Text(max = 40) String invoiceLineId,
                                        @Required @WholeNumber(min = 1, max = 1_000_000,
                                                rule = "must be a whole number from 1 to 1000000") JsonValue quantity) {
        public long count() {
            return ((JsonNumber) quantity).longValue();
        }
    }

    /** {@code {from: "balance"}}: how to pay an open invoice; the balance is the only way today. */
    public record PayInvoiceRequest(@Required @OneOf({"balance"}) String from) implements JsonRequest { }

    /**
     * {@code {name, externalId, price, period, nextRenewalAt, autoRenew, payerId, taxCategory}}: a service the
     * account pays for each {@code period}, first renewed at {@code nextRenewalAt}; {@code externalId} is the
     * reseller's own reference (optional), {@code taxCategory} {@code STANDARD} when left out.
     */
    public record ServiceRequest(@Required @Text(max = 200) String name, @Text(max = 200) String externalId,
                                 @Required @ValidMoney MoneyInput price,
                                 @Required @OneOf({"P1M", "P3M", "P6M", "P1Y"}) String period,
                                 @Required @DateTime String nextRenewalAt, @Required Boolean autoRenew,
                                 @Required @Text(max = 40) String payerId, @OneOf({"STANDARD"}) String taxCategory)
            implements JsonRequest { }

    /** {@code {autoRenew, price, payerId}}, each optional: what changes; a new price is billed from the next period. */
    public record ServiceChangeRequest(Boolean autoRenew, @ValidMoney MoneyInput price,
                                       @Text(max = 40) String payerId) implements JsonRequest { }

    /** {@code {at: "period_end" | "now"}}: when a cancelled service ends. */
    public record CancelServiceRequest(@Required @OneOf({"period_end", "now"}) String at) implements JsonRequest {
        public boolean now() {
            return "now".equals(at);
        }
    }
}
