package dev.kassa.plugin.banktransfer;

import dev.kassa.api.payment.CredentialField;
import dev.kassa.api.payment.CredentialProblem;
import dev.kassa.api.payment.MethodContext;
import dev.kassa.api.payment.MethodInfo;
import dev.kassa.api.payment.NextAction;
import dev.kassa.api.payment.PaymentMethod;
import dev.kassa.api.payment.PaymentRequest;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.RefundRequest;
import dev.kassa.api.payment.RefundResult;
import dev.kassa.api.payment.Refunds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Payment by bank transfer to the tenant's own account. There is no gateway: {@link #pay} answers
 * {@link dev.kassa.api.payment.Outcome#PENDING} with instructions (beneficiary, IBAN, BIC, bank),
 * to which the platform adds the payment's reference and amount; the payment is credited when the
 * tenant reports the transfer received. Refunds are sent by the tenant by hand.
 *
 * <p>Every new tenant starts with the method on, its display name as the beneficiary.
 */
@Extension
public class BankTransferMethod implements PaymentMethod, Refunds {
    /** The method's code in the API. */
    public static final String CODE = "bank-transfer";

    /** The value of {@code "type"} in the instructions' data. */
    public static final String INSTRUCTIONS_TYPE = "bank_transfer";

    private static final MethodInfo INFO = new MethodInfo(CODE,
            Map.of("en", "Bank transfer", "fr", "Virement bancaire"),
            Map.of("en", "1-3 business days", "fr", "1 à 3 jours ouvrés"),
            Set.of(), Set.of(),
            List.of(CredentialField.visible(BankAccount.BENEFICIARY, "Beneficiary name", true),
                    CredentialField.visible(BankAccount.IBAN, "IBAN", false),
                    CredentialField.visible(BankAccount.BIC, "BIC (SWIFT code)", false),
                    CredentialField.visible(BankAccount.BANK_NAME, "Bank name", false)));

    @Override
    public MethodInfo info() {
        return INFO;
    }

    /** Stored as shown on instructions: IBAN and BIC in upper case without spaces, blanks left out. */
    @Override
    public Map<String, String> normalizeCredentials(Map<String, String> credentials) {
        return BankAccount.from(credentials).values();
    }

    /** The IBAN's format and check digits, and the BIC's format; both after removing spaces and upper-casing. */
    @Override
    public List<CredentialProblem> checkCredentials(Map<String, String> credentials) {
        return BankAccount.from(credentials).problems();
    }

    @Override
    public Optional<Map<String, String>> startingCredentials(String tenantName) {
        return Optional.of(Map.of(BankAccount.BENEFICIARY, tenantName));
    }

    /**
     * Always {@link dev.kassa.api.payment.Outcome#PENDING} without a gateway reference. The
     * instructions' data holds {@code "type"} ({@value #INSTRUCTIONS_TYPE}) and those of
     * {@code beneficiary}, {@code iban}, {@code bic} and {@code bankName} that are set, the IBAN and
     * BIC normalised.
     */
    @Override
    public PaymentResult pay(MethodContext context, PaymentRequest request) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("type", INSTRUCTIONS_TYPE);
        data.putAll(BankAccount.from(context.credentials()).values());
        return PaymentResult.pending(null, NextAction.instructions(data));
    }

    /** Always {@link dev.kassa.api.payment.Outcome#PENDING}: the tenant sends the money back and reports it sent. */
    @Override
    public RefundResult refund(MethodContext context, RefundRequest request) {
        return RefundResult.pending(null);
    }

    @Override
    public boolean refundsByHand() {
        return true;
    }
}
