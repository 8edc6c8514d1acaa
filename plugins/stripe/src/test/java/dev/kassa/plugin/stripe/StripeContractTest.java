package dev.kassa.plugin.stripe;

import dev.kassa.api.payment.PaymentMethod;
import dev.kassa.testkit.contract.ContractGateway;
import dev.kassa.testkit.contract.PaymentMethodContract;
import dev.kassa.testkit.stripe.StripeFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The payment-method contract, with real stripe-java against {@link StripeFake}. */
class StripeContractTest extends PaymentMethodContract {
    private static StripeFake stripe;
    private final StripeCardMethod method = new StripeCardMethod();

    @BeforeAll
    static void startFake() {
        stripe = new StripeFake().start();
    }

    @AfterAll
    static void stopFake() {
        stripe.close();
    }

    @Override
    protected PaymentMethod method() {
        return method;
    }

    @Override
    protected ContractGateway gateway() {
        return new StripeContractGateway(stripe);
    }
}
