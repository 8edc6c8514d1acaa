package dev.kassa.plugin.stripe;

import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeError;
import dev.kassa.api.payment.NextAction;
import dev.kassa.api.payment.SavedMethodDetails;
import dev.kassa.api.payment.SetupResult;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a Stripe SetupIntent into a {@link SetupResult}.
 *
 * <p>{@code succeeded} becomes SUCCEEDED with the card's brand, last four digits and expiry. Those
 * live on the PaymentMethod, which an event carries only as an id: the mapping then looks it up
 * through {@code paymentMethods}; if that fails too, the set-up is reported PENDING so that the
 * platform asks {@code setupStatus} later. {@code requires_payment_method} with a
 * {@code last_setup_error} and {@code canceled} are DECLINED; {@code processing} is PENDING; the
 * other states wait for the customer (ACTION_REQUIRED).
 */
final class SetupIntentMapping {
    private final CustomerActions actions;
    private final Function<String, Optional<PaymentMethod>> paymentMethods;

    /**
     * @param paymentMethods looks a PaymentMethod up by id; empty when it cannot be read now
     */
    SetupIntentMapping(CustomerActions actions, Function<String, Optional<PaymentMethod>> paymentMethods) {
        this.actions = actions;
        this.paymentMethods = paymentMethods;
    }

    SetupResult map(SetupIntent intent) {
        return outcome(intent)
                .withSavedMethodId(MetadataKeys.get(intent.getMetadata(), MetadataKeys.SAVED_METHOD))
                .withCustomerReference(intent.getCustomer());
    }

    private SetupResult outcome(SetupIntent intent) {
        String id = intent.getId();
        String status = intent.getStatus() == null ? "" : intent.getStatus();
        switch (status) {
            case "succeeded":
                return savedMethod(intent)
                        .map(details -> SetupResult.succeeded(id, details))
                        .orElseGet(() -> SetupResult.pending(id));
            case "requires_payment_method":
                StripeError error = intent.getLastSetupError();
                if (error != null) {
                    return SetupResult.failed(id, StripeFailures.code(error), StripeFailures.message(error));
                }
                return actionRequired(id, actions.confirmInBrowser(intent.getClientSecret()));
            case "requires_confirmation":
                return actionRequired(id, actions.confirmInBrowser(intent.getClientSecret()));
            case "requires_action":
                return actionRequired(id, nextAction(intent));
            case "processing":
                return SetupResult.pending(id);
            case "canceled":
                String why = intent.getCancellationReason();
                return SetupResult.failed(id, "canceled", why == null ? "The set-up was canceled." : why);
            default:
                return SetupResult.unknown(id, "unexpected SetupIntent status " + status);
        }
    }

    private Optional<SavedMethodDetails> savedMethod(SetupIntent intent) {
        if (intent.getPaymentMethodObject() != null) {
            return Optional.of(details(intent.getPaymentMethodObject()));
        }
        if (intent.getPaymentMethod() == null) {
            return Optional.empty();
        }
        return paymentMethods.apply(intent.getPaymentMethod()).map(SetupIntentMapping::details);
    }

    private NextAction nextAction(SetupIntent intent) {
        SetupIntent.NextAction next = intent.getNextAction();
        if (next != null && next.getRedirectToUrl() != null && next.getRedirectToUrl().getUrl() != null) {
            return actions.redirect(next.getRedirectToUrl().getUrl(), intent.getClientSecret());
        }
        return actions.confirmInBrowser(intent.getClientSecret());
    }

    private static SetupResult actionRequired(String id, NextAction action) {
        return action == null
                ? SetupResult.unknown(id, "the SetupIntent waits for the customer but has no client secret")
                : SetupResult.actionRequired(id, action);
    }

    /** What the customer may see of a saved method: brand, last four digits, expiry; never the card number. */
    static SavedMethodDetails details(PaymentMethod method) {
        PaymentMethod.Card card = method.getCard();
        if (card != null) {
            return new SavedMethodDetails(method.getId(), card.getBrand(), last4(card.getLast4()),
                    month(card.getExpMonth()), year(card.getExpYear()), country(card.getCountry()));
        }
        if (method.getSepaDebit() != null) {
            return new SavedMethodDetails(method.getId(), "sepa_debit", last4(method.getSepaDebit().getLast4()), 0, 0,
                    country(method.getSepaDebit().getCountry()));
        }
        return new SavedMethodDetails(method.getId(), method.getType(), null, 0, 0);
    }

    /** The issuer's (or bank account's) country, when Stripe gives a well-formed one. */
    private static String country(String value) {
        return value != null && value.matches("[A-Za-z]{2}") ? value.toUpperCase(java.util.Locale.ROOT) : null;
    }

    private static String last4(String value) {
        return value != null && value.matches("[0-9]{4}") ? value : null;
    }

    private static int month(Long value) {
        return value == null || value < 1 || value > 12 ? 0 : value.intValue();
    }

    private static int year(Long value) {
        return value == null || value < 0 || value > 9999 ? 0 : value.intValue();
    }
}
