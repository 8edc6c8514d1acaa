package dev.kassa.plugin.paypal;

import dev.kassa.api.payment.PaymentMethod;
import dev.kassa.testkit.contract.ContractGateway;
import dev.kassa.testkit.contract.PaymentMethodContract;
import dev.kassa.testkit.paypal.PayPalFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The payment-method contract, against {@link PayPalFake} (certificates fetched from the fake, as the operator's API base). */
class PayPalContractTest extends PaymentMethodContract {
    private static PayPalFake paypal;
    private final PayPalMethod method = new PayPalMethod();

    @BeforeAll
    static void startFake() {
        paypal = new PayPalFake().start();
    }

    @AfterAll
    static void stopFake() {
        paypal.close();
    }

    @Override
    protected PaymentMethod method() {
        return method;
    }

    @Override
    protected ContractGateway gateway() {
        return new PayPalContractGateway(paypal);
    }
}
