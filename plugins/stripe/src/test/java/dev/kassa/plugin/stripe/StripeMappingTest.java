package dev.kassa.plugin.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeError;
import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.NextAction;
import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.RefundResult;
import dev.kassa.api.payment.SetupResult;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stripe's statuses to outcomes, on objects built in memory. */
class StripeMappingTest {
    private final CustomerActions actions = new CustomerActions("pk_test_abc");
    private final PaymentIntentMapping payments = new PaymentIntentMapping(actions);

    @Test
    void paymentIntentStatuses() {
        assertEquals(Outcome.ACTION_REQUIRED, payments.map(intent("requires_confirmation")).outcome());
        assertEquals(Outcome.PENDING, payments.map(intent("processing")).outcome());
        assertEquals(Outcome.PENDING, payments.map(intent("requires_capture")).outcome());
        assertEquals(Outcome.UNKNOWN, payments.map(intent("some_new_status")).outcome());
    }

    @Test
    void succeededIntentReportsWhatWasReceivedInUpperCaseCurrency() {
        PaymentIntent intent = intent("succeeded");
        intent.setAmountReceived(500L);
        intent.setCurrency("jpy");
        PaymentResult result = payments.map(intent);
        assertEquals(new Amount(500, "JPY"), result.received());
        assertEquals("att_1", result.attemptId());
        assertEquals("cus_1", result.customerReference());
    }

    @Test
    void canceledIntentIsDeclined() {
        PaymentIntent intent = intent("canceled");
        intent.setCancellationReason("abandoned");
        PaymentResult result = payments.map(intent);
        assertEquals(Outcome.DECLINED, result.outcome());
        assertEquals("canceled", result.reasonCode());
        assertEquals("abandoned", result.reason());
    }

    @Test
    void declineCodeIsPreferredToTheErrorCode() {
        PaymentIntent intent = intent("requires_payment_method");
        StripeError error = new StripeError();
        error.setCode("card_declined");
        error.setDeclineCode("lost_card");
        error.setMessage("Your card was declined.");
        intent.setLastPaymentError(error);
        PaymentResult result = payments.map(intent);
        assertEquals(Outcome.DECLINED, result.outcome());
        assertEquals("lost_card", result.reasonCode());

        error.setDeclineCode(null);
        error.setCode("payment_intent_authentication_failure");
        assertEquals("payment_intent_authentication_failure", payments.map(intent).reasonCode());
    }

    @Test
    void requiresActionWithoutRedirectIsFinishedByStripeJs() {
        PaymentIntent intent = intent("requires_action");
        PaymentIntent.NextAction next = new PaymentIntent.NextAction();
        next.setType("use_stripe_sdk");
        intent.setNextAction(next);
        NextAction action = payments.map(intent).nextAction();
        assertEquals(NextAction.Kind.CLIENT_SECRET, action.kind());
        assertEquals("pi_1_secret_x", action.clientSecret());
        assertEquals(Map.of("publishableKey", "pk_test_abc"), action.data());
    }

    @Test
    void setupIntentStatuses() {
        SetupIntentMapping setups = new SetupIntentMapping(actions, id -> Optional.empty());
        assertEquals(Outcome.ACTION_REQUIRED, setups.map(setup("requires_payment_method")).outcome());
        assertEquals(Outcome.ACTION_REQUIRED, setups.map(setup("requires_action")).outcome());
        assertEquals(Outcome.PENDING, setups.map(setup("processing")).outcome());
        assertEquals(Outcome.DECLINED, setups.map(setup("canceled")).outcome());
        SetupIntent succeeded = setup("succeeded");
        succeeded.setPaymentMethod("pm_1");
        SetupResult unreadable = setups.map(succeeded);
        assertEquals(Outcome.PENDING, unreadable.outcome(), "the card's details could not be read");
        assertEquals("sm_1", unreadable.savedMethodId());
    }

    @Test
    void refundStatuses() {
        assertEquals(Outcome.SUCCEEDED, RefundMapping.map(refund("succeeded")).outcome());
        assertEquals(Outcome.PENDING, RefundMapping.map(refund("pending")).outcome());
        assertEquals(Outcome.PENDING, RefundMapping.map(refund("requires_action")).outcome());
        Refund canceled = refund("canceled");
        RefundResult result = RefundMapping.map(canceled);
        assertEquals(Outcome.DECLINED, result.outcome());
        assertEquals("canceled", result.reasonCode());
        Refund failed = refund("failed");
        failed.setFailureReason("lost_or_stolen_card");
        assertEquals("lost_or_stolen_card", RefundMapping.map(failed).reasonCode());
        assertEquals("ref_1", result.refundId());
        assertNull(RefundMapping.map(refund("succeeded")).reasonCode());
    }

    private static PaymentIntent intent(String status) {
        PaymentIntent intent = new PaymentIntent();
        intent.setId("pi_1");
        intent.setStatus(status);
        intent.setAmount(1_000L);
        intent.setCurrency("eur");
        intent.setClientSecret("pi_1_secret_x");
        intent.setCustomer("cus_1");
        intent.setMetadata(Map.of("kassa_attempt", "att_1"));
        return intent;
    }

    private static SetupIntent setup(String status) {
        SetupIntent intent = new SetupIntent();
        intent.setId("seti_1");
        intent.setStatus(status);
        intent.setClientSecret("seti_1_secret_x");
        intent.setMetadata(Map.of("kassa_saved_method", "sm_1"));
        return intent;
    }

    private static Refund refund(String status) {
        Refund refund = new Refund();
        refund.setId("re_1");
        refund.setStatus(status);
        refund.setMetadata(Map.of("kassa_refund", "ref_1"));
        return refund;
    }
}
