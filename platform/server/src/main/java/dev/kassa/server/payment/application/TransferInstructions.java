package dev.kassa.server.payment.application;

import dev.kassa.api.payment.CredentialField;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.payment.application.PaymentMethodService.ConfiguredMethod;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.References;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bank-transfer instructions for paying into an account by its reference, without a top-up: what a
 * customer needs to fund another account of the same tenant (a transfer quoting an account's
 * reference is credited to it when the tenant reports it). Nothing of the other account is shown
 * but its reference.
 */
@ApplicationScoped
public class TransferInstructions {
    /** The method whose bank details are given; the bank-transfer plugin's code. */
    public static final String METHOD = "bank-transfer";

    private AccountRepository accounts;
    private PaymentMethodService paymentMethods;

    protected TransferInstructions() {
    }

    @Inject
    public TransferInstructions(AccountRepository accounts, PaymentMethodService paymentMethods) {
        this.accounts = accounts;
        this.paymentMethods = paymentMethods;
    }

    /** The bank's details (beneficiary, iban, bic, bankName: those set), the reference to quote and the amount. */
    public record Instructions(Map<String, String> bank, String reference, Money amount) { }

    /**
     * @param payingAccountId the customer asking (their country decides whether bank transfer is offered)
     * @param reference the other account's reference as typed (case, spaces and look-alikes forgiven)
     * @throws KassaException 422 {@code account.reference_unknown} on {@code reference} when no account
     *     of the tenant has it; 422 {@code topup.method_unavailable} when the tenant offers no bank
     *     transfer to the customer in that currency; 422 {@code amount.invalid} for an amount not above zero
     */
    @Transactional
    public Instructions forAccountReference(String tenantId, String payingAccountId, String reference, Money amount) {
        Account paying = accounts.require(tenantId, payingAccountId);
        if (!amount.isPositive()) {
            throw KassaException.invalid("amount", "amount.invalid", "must be more than zero");
        }
        Account target = References.candidates(reference).stream().filter(c -> c.startsWith(References.ACCOUNT))
                .map(c -> accounts.findByReference(tenantId, c)).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> KassaException.invalid("reference", "account.reference_unknown",
                        "is no account reference of this tenant"));
        ConfiguredMethod method = paymentMethods.offered(tenantId, METHOD, paying.country(), amount.currency().code())
                .orElseThrow(() -> KassaException.unprocessable("topup.method_unavailable", "Method unavailable",
                        "Bank transfer is not offered for payers in " + paying.country() + " paying "
                                + amount.currency() + "."));
        Map<String, String> bank = new LinkedHashMap<>();
        for (CredentialField field : method.method().info().credentials()) {
            String value = method.credentials().get(field.name());
            if (!field.secret() && value != null) {
                bank.put(field.name(), value);
            }
        }
        return new Instructions(bank, target.reference(), amount);
    }
}
