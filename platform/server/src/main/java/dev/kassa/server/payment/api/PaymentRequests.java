package dev.kassa.server.payment.api;

import dev.kassa.server.payment.domain.PayeeAccount;
import dev.kassa.server.web.JsonRequest;
import dev.kassa.server.web.MoneyInput;
import dev.kassa.server.web.OtherMembers;
import dev.kassa.server.web.constraint.Countries;
import dev.kassa.server.web.constraint.Required;
import dev.kassa.server.web.constraint.ReturnUrl;
import dev.kassa.server.web.constraint.Text;
import dev.kassa.server.web.constraint.ValidMoney;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;

/** The request bodies of this context, with the rules each field must meet. */
public final class PaymentRequests {
    private PaymentRequests() {
    }

    /**
     * {@code amount} is what the customer pays; {@code quoteId} fixes the rate when it is not the
     * account's currency; {@code savedMethodId} pays with a saved card, off-session when asked.
     * {@code returnUrl} (and {@code cancelUrl}) say the customer's browser can be sent to the
     * gateway's hosted page, which sends it back there. {@code invoiceId} binds the top-up to an open
     * invoice it pays when paid; {@code amount} is then the invoice's (filled in when left out).
     */
    public record NewTopUpRequest(@ValidMoney MoneyInput amount, @Text(max = 40) String payerId,
                                  @Required @Text(max = 64) String method, @Text(max = 40) String quoteId,
                                  Boolean saveMethod, @Text(max = 40) String savedMethodId, Boolean offSession,
                                  @ReturnUrl String returnUrl, @ReturnUrl String cancelUrl,
                                  @Text(max = 40) String invoiceId)
            implements JsonRequest { }

    /**
     * Starts saving a payment method for a payer; PENDING until the gateway confirms it. With
     * {@code returnUrl}, the customer enters the card on the gateway's hosted page.
     */
    public record NewSavedMethodRequest(@Required @Text(max = 64) String method,
                                        @Required @Text(max = 40) String payerId, @ReturnUrl String returnUrl,
                                        @ReturnUrl String cancelUrl) implements JsonRequest { }

    /** Gives back part or all of a top-up's unused money. */
    public record NewRefundRequest(@Required @ValidMoney MoneyInput amount, @Valid BankAccountRequest bankAccount)
            implements JsonRequest {
        /** The account named, or null; its IBAN and BIC are checked by the service. */
        public PayeeAccount payee() {
            return bankAccount == null ? null : new PayeeAccount(bankAccount.iban(), bankAccount.bic(), bankAccount.name());
        }
    }

    /** Where a refund by bank transfer goes: {@code {iban, bic?, name}} ({@code bic} may be left out within SEPA). */
    public record BankAccountRequest(@Required @Text(max = 42) String iban, @Text(max = 15) String bic,
                                     @Required @Text(max = 70) String name) { }

    /** {@code {refundIds?}}: the refunds to batch (1 to 1,000, checked by the service); left out, every one waiting. */
    public record NewRefundBatchRequest(List<@Required @Text(max = 40) String> refundIds)
            implements JsonRequest { }

    /** Why the tenant could not send a refund; kept to its first 500 characters. */
    public record RefundFailedRequest(@Text(max = 10_000) String reason) implements JsonRequest {
        public String shortReason() {
            return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
        }
    }

    /**
     * A tenant's settings of one method: on or off, for which countries ({@code ["*"]}: all), and
     * its credentials (a null or empty value removes one). A method's visible credentials (bank
     * details) may also be given at the top level, as in the first release: those arrive in
     * {@code others}.
     */
    public record MethodSettingsRequest(@Required Boolean enabled, @Required @Countries List<String> countries,
                                        Map<String, String> credentials, @OtherMembers Map<String, JsonValue> others)
            implements JsonRequest { }
}
