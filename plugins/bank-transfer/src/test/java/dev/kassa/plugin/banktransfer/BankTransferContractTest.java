package dev.kassa.plugin.banktransfer;

import dev.kassa.api.payment.PaymentMethod;
import dev.kassa.testkit.contract.ContractGateway;
import dev.kassa.testkit.contract.PaymentMethodContract;
import java.util.Map;

/**
 * The contract every payment plugin runs. Bank transfer has no gateway to script: the cases that
 * need one (declines, webhooks, saved methods) are skipped, the rest must hold.
 */
class BankTransferContractTest extends PaymentMethodContract {
    private final BankTransferMethod method = new BankTransferMethod();

    @Override
    protected PaymentMethod method() {
        return method;
    }

    @Override
    protected ContractGateway gateway() {
        return new ContractGateway() {
            @Override
            public Map<String, String> credentials() {
                return Map.of("beneficiary", "Reseller Ltd", "iban", "DE89370400440532013000", "bic", "COBADEFFXXX");
            }

            @Override
            public void reset() {
                // nothing to forget: no gateway
            }
        };
    }
}
