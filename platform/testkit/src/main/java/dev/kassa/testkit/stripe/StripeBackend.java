package dev.kassa.testkit.stripe;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state behind the fake Stripe API: customers, payment methods, intents and refunds of every
 * account (API key), and the outcomes scripted by the test. Every method runs under the
 * instance's lock, so HTTP threads and the test thread see one consistent state.
 */
final class StripeBackend {
    private static final Pattern SEARCH = Pattern.compile("metadata\\['([^']+)'\\]\\s*:\\s*'((?:[^'\\\\]|\\\\.)*)'");
    private static final String TEST_CARD_BRAND = "visa";

    private final StripeRenderer render;
    private final Clock clock;
    private volatile String redirectBase = "https://hooks.stripe.com";
    private final Map<String, FakeCustomer> customers = new LinkedHashMap<>();
    private final Map<String, FakePaymentMethod> paymentMethods = new LinkedHashMap<>();
    private final Map<String, FakePaymentIntent> paymentIntents = new LinkedHashMap<>();
    private final Map<String, FakeSetupIntent> setupIntents = new LinkedHashMap<>();
    private final Map<String, FakeRefund> refunds = new LinkedHashMap<>();
    private final Deque<Script> paymentScripts = new ArrayDeque<>();
    private final Deque<Script> setupScripts = new ArrayDeque<>();
    private final Deque<Script> refundScripts = new ArrayDeque<>();

    StripeBackend(StripeRenderer render, Clock clock) {
        this.render = render;
        this.clock = clock;
    }

    /** Where 3-D Secure redirects point: the fake's own base URL, known once it listens. */
    void redirectBase(String base) {
        this.redirectBase = base;
    }

    synchronized void reset() {
        customers.clear();
        paymentMethods.clear();
        paymentIntents.clear();
        setupIntents.clear();
        refunds.clear();
        paymentScripts.clear();
        setupScripts.clear();
        refundScripts.clear();
    }

    synchronized void scriptPayment(Script script) {
        paymentScripts.add(script);
    }

    synchronized void scriptSetup(Script script) {
        setupScripts.add(script);
    }

    synchronized void scriptRefund(Script script) {
        refundScripts.add(script);
    }

    // ---- customers and payment methods

    synchronized FakeResponse createCustomer(String owner, FormParams params) {
        FakeCustomer customer = new FakeCustomer(Ids.next("cus"), owner, params.get("name"), params.get("email"),
                params.nested("metadata"), now());
        customers.put(customer.id(), customer);
        return FakeResponse.ok(render.customer(customer));
    }

    synchronized FakeResponse retrieveCustomer(String owner, String id) {
        FakeCustomer customer = customers.get(id);
        return customer == null || !customer.owner().equals(owner)
                ? FakeResponse.missing("customer", id) : FakeResponse.ok(render.customer(customer));
    }

    synchronized FakeResponse retrievePaymentMethod(String owner, String id) {
        FakePaymentMethod method = paymentMethod(owner, id);
        return method == null ? FakeResponse.missing("PaymentMethod", id) : FakeResponse.ok(render.paymentMethod(method));
    }

    synchronized FakeResponse detachPaymentMethod(String owner, String id) {
        FakePaymentMethod method = paymentMethod(owner, id);
        if (method == null) {
            return FakeResponse.missing("PaymentMethod", id);
        }
        if (method.customer == null) {
            return FakeResponse.invalidRequest(400, null,
                    "The payment method you provided is not attached to a customer so detachment is impossible.");
        }
        method.customer = null;
        return FakeResponse.ok(render.paymentMethod(method));
    }

    // ---- payment intents

    synchronized FakeResponse createPaymentIntent(String owner, FormParams params, String idempotencyKey) {
        Long amount = params.getLong("amount");
        String currency = params.get("currency");
        if (amount == null || amount < 1) {
            return FakeResponse.invalidRequest(400, "parameter_missing", "Missing required param: amount.");
        }
        if (currency == null || !currency.matches("[a-z]{3}")) {
            return FakeResponse.invalidRequest(400, "parameter_invalid_string", "Invalid currency: " + currency);
        }
        Optional<FakeResponse> refused = StripeCurrencies.refusal(amount, currency);
        if (refused.isPresent()) {
            return refused.get();
        }
        String customer = params.get("customer");
        if (isForeignCustomer(owner, customer)) {
            return FakeResponse.invalidRequest(400, "resource_missing", "No such customer: '" + customer + "'");
        }
        boolean offSession = params.isTrue("off_session");
        FakePaymentMethod method = null;
        if (params.has("payment_method")) {
            method = paymentMethod(owner, params.get("payment_method"));
            if (method == null) {
                return FakeResponse.invalidRequest(400, "resource_missing",
                        "No such PaymentMethod: '" + params.get("payment_method") + "'");
            }
            if (offSession && (method.customer == null || !method.customer.equals(customer))) {
                return FakeResponse.invalidRequest(400, null,
                        "The provided PaymentMethod does not belong to the Customer of this PaymentIntent.");
            }
        }
        if (params.isTrue("confirm") && method == null) {
            return FakeResponse.invalidRequest(400, "payment_intent_unexpected_state",
                    "You cannot confirm this PaymentIntent because it's missing a payment method.");
        }
        FakePaymentIntent intent = new FakePaymentIntent(Ids.next("pi"), owner, amount, currency, customer,
                params.get("description"), params.nested("metadata"), params.get("setup_future_usage"), offSession,
                idempotencyKey, now());
        paymentIntents.put(intent.id, intent);
        if (params.isTrue("confirm")) {
            return confirm(intent, method);
        }
        if (method != null) {
            // Preset to a saved card: the customer still confirms it in the browser.
            intent.paymentMethod = method.id;
            intent.status = "requires_confirmation";
        }
        return FakeResponse.ok(render.paymentIntent(intent, null));
    }

    synchronized FakeResponse retrievePaymentIntent(String owner, String id, FormParams params) {
        FakePaymentIntent intent = paymentIntent(owner, id);
        if (intent == null) {
            return FakeResponse.missing("payment_intent", id);
        }
        FakePaymentMethod expanded = params.expands("payment_method") ? paymentMethods.get(intent.paymentMethod) : null;
        return FakeResponse.ok(render.paymentIntent(intent, expanded));
    }

    synchronized FakeResponse confirmPaymentIntent(String owner, String id, FormParams params) {
        FakePaymentIntent intent = paymentIntent(owner, id);
        if (intent == null) {
            return FakeResponse.missing("payment_intent", id);
        }
        if (!intent.status.equals("requires_payment_method") && !intent.status.equals("requires_confirmation")) {
            return unexpectedState("PaymentIntent", intent.status);
        }
        FakePaymentMethod method = methodToConfirmWith(owner, params);
        if (method == null) {
            return FakeResponse.invalidRequest(400, "resource_missing", "No such PaymentMethod");
        }
        return confirm(intent, method);
    }

    synchronized FakeResponse cancelPaymentIntent(String owner, String id) {
        FakePaymentIntent intent = paymentIntent(owner, id);
        if (intent == null) {
            return FakeResponse.missing("payment_intent", id);
        }
        if (intent.status.equals("succeeded") || intent.status.equals("canceled")) {
            return unexpectedState("PaymentIntent", intent.status);
        }
        intent.status = "canceled";
        intent.cancellationReason = "requested_by_customer";
        intent.redirectUrl = null;
        return FakeResponse.ok(render.paymentIntent(intent, null));
    }

    /**
     * Only the form the plugin uses: {@code metadata['key']:'value'}, newest first, each intent's
     * payment method expanded if asked ({@code expand[]=data.payment_method}).
     */
    synchronized FakeResponse searchPaymentIntents(String owner, String query, boolean expandPaymentMethod) {
        Matcher matcher = query == null ? null : SEARCH.matcher(query.strip());
        if (matcher == null || !matcher.matches()) {
            return FakeResponse.invalidRequest(400, "parameter_invalid_string",
                    "The fake only searches metadata['key']:'value', not: " + query);
        }
        String key = matcher.group(1);
        String value = matcher.group(2).replaceAll("\\\\(.)", "$1");
        List<JsonObject> found = paymentIntents.values().stream()
                .filter(intent -> intent.owner.equals(owner) && value.equals(intent.metadata.get(key)))
                .sorted(Comparator.comparingLong((FakePaymentIntent intent) -> intent.created).reversed())
                .map(intent -> render.paymentIntent(intent,
                        expandPaymentMethod ? paymentMethods.get(intent.paymentMethod) : null))
                .toList();
        return FakeResponse.ok(render.searchResult("/v1/payment_intents/search", found));
    }

    private FakeResponse confirm(FakePaymentIntent intent, FakePaymentMethod method) {
        Script script = next(paymentScripts);
        intent.paymentMethod = method.id;
        intent.lastError = null;
        intent.redirectUrl = null;
        switch (script.kind()) {
            case DECLINE:
                return decline(intent, CardError.of(script.code()));
            case AUTHENTICATE:
                if (intent.offSession) {
                    return decline(intent, CardError.of("authentication_required"));
                }
                intent.status = "requires_action";
                intent.redirectUrl = redirectBase + "/3ds/" + intent.id;
                break;
            case PROCESS:
                intent.status = "processing";
                break;
            default:
                succeed(intent);
        }
        return FakeResponse.ok(render.paymentIntent(intent, null));
    }

    private FakeResponse decline(FakePaymentIntent intent, CardError error) {
        intent.status = "requires_payment_method";
        intent.lastError = error;
        intent.redirectUrl = null;
        JsonObject body = StripeRenderer.error("card_error", error.code(), error.message(), JsonValues.fields(
                "decline_code", error.declineCode(), "payment_intent", render.paymentIntent(intent, null)));
        return new FakeResponse(402, body);
    }

    private void succeed(FakePaymentIntent intent) {
        intent.status = "succeeded";
        intent.amountReceived = intent.amount;
        intent.chargeId = Ids.next("ch");
        intent.lastError = null;
        intent.redirectUrl = null;
        if (intent.setupFutureUsage != null && intent.customer != null && intent.paymentMethod != null) {
            paymentMethods.get(intent.paymentMethod).customer = intent.customer;
        }
    }

    // ---- what the customer and the banks do

    synchronized void customerConfirms(String id) {
        FakePaymentIntent intent = required(paymentIntents, id, "PaymentIntent");
        switch (intent.status) {
            case "requires_action":
                Script script = next(paymentScripts);
                if (script.kind() == Script.Kind.DECLINE) {
                    decline(intent, CardError.of(script.code()));
                } else if (script.kind() == Script.Kind.PROCESS) {
                    intent.status = "processing";
                    intent.redirectUrl = null;
                } else {
                    succeed(intent);
                }
                break;
            case "requires_payment_method":
            case "requires_confirmation":
                confirm(intent, testCard(intent.owner, null));
                break;
            default:
                throw new IllegalStateException("a customer cannot confirm a PaymentIntent in status " + intent.status);
        }
    }

    synchronized void settle(String id) {
        FakePaymentIntent intent = required(paymentIntents, id, "PaymentIntent");
        if (intent.status.equals("succeeded") || intent.status.equals("canceled")) {
            throw new IllegalStateException("cannot settle a PaymentIntent in status " + intent.status);
        }
        if (intent.paymentMethod == null) {
            intent.paymentMethod = testCard(intent.owner, null).id;
        }
        succeed(intent);
    }

    synchronized void fail(String id, String declineCode) {
        FakePaymentIntent intent = required(paymentIntents, id, "PaymentIntent");
        if (intent.status.equals("succeeded") || intent.status.equals("canceled")) {
            throw new IllegalStateException("cannot fail a PaymentIntent in status " + intent.status);
        }
        decline(intent, CardError.of(declineCode));
    }

    // ---- setup intents

    synchronized FakeResponse createSetupIntent(String owner, FormParams params, String idempotencyKey) {
        String customer = params.get("customer");
        if (isForeignCustomer(owner, customer)) {
            return FakeResponse.invalidRequest(400, "resource_missing", "No such customer: '" + customer + "'");
        }
        String usage = params.has("usage") ? params.get("usage") : "off_session";
        FakeSetupIntent intent = new FakeSetupIntent(Ids.next("seti"), owner, customer, usage,
                params.nested("metadata"), idempotencyKey, now());
        setupIntents.put(intent.id, intent);
        if (params.isTrue("confirm") && params.has("payment_method")) {
            FakePaymentMethod method = paymentMethod(owner, params.get("payment_method"));
            if (method == null) {
                return FakeResponse.invalidRequest(400, "resource_missing", "No such PaymentMethod");
            }
            confirmSetup(intent, method);
        }
        return FakeResponse.ok(render.setupIntent(intent, null));
    }

    synchronized FakeResponse retrieveSetupIntent(String owner, String id, FormParams params) {
        FakeSetupIntent intent = setupIntent(owner, id);
        if (intent == null) {
            return FakeResponse.missing("setup_intent", id);
        }
        FakePaymentMethod expanded = params.expands("payment_method") ? paymentMethods.get(intent.paymentMethod) : null;
        return FakeResponse.ok(render.setupIntent(intent, expanded));
    }

    synchronized FakeResponse confirmSetupIntent(String owner, String id, FormParams params) {
        FakeSetupIntent intent = setupIntent(owner, id);
        if (intent == null) {
            return FakeResponse.missing("setup_intent", id);
        }
        if (!intent.status.equals("requires_payment_method") && !intent.status.equals("requires_confirmation")) {
            return unexpectedState("SetupIntent", intent.status);
        }
        FakePaymentMethod method = methodToConfirmWith(owner, params);
        if (method == null) {
            return FakeResponse.invalidRequest(400, "resource_missing", "No such PaymentMethod");
        }
        confirmSetup(intent, method);
        return FakeResponse.ok(render.setupIntent(intent, null));
    }

    synchronized void customerConfirmsSetup(String id) {
        FakeSetupIntent intent = required(setupIntents, id, "SetupIntent");
        if (intent.status.equals("requires_action")) {
            Script script = next(setupScripts);
            if (script.kind() == Script.Kind.DECLINE) {
                failSetup(intent, CardError.of(script.code()));
            } else {
                succeedSetup(intent);
            }
        } else if (intent.status.equals("requires_payment_method") || intent.status.equals("requires_confirmation")) {
            confirmSetup(intent, testCard(intent.owner, null));
        } else {
            throw new IllegalStateException("a customer cannot confirm a SetupIntent in status " + intent.status);
        }
    }

    synchronized void failSetup(String id, String declineCode) {
        failSetup(required(setupIntents, id, "SetupIntent"), CardError.of(declineCode));
    }

    private void confirmSetup(FakeSetupIntent intent, FakePaymentMethod method) {
        Script script = next(setupScripts);
        intent.paymentMethod = method.id;
        intent.lastError = null;
        intent.redirectUrl = null;
        switch (script.kind()) {
            case DECLINE:
                failSetup(intent, CardError.of(script.code()));
                break;
            case AUTHENTICATE:
                intent.status = "requires_action";
                intent.redirectUrl = redirectBase + "/3ds/" + intent.id;
                break;
            case PROCESS:
                intent.status = "processing";
                break;
            default:
                succeedSetup(intent);
        }
    }

    private void succeedSetup(FakeSetupIntent intent) {
        intent.status = "succeeded";
        intent.lastError = null;
        intent.redirectUrl = null;
        paymentMethods.get(intent.paymentMethod).customer = intent.customer;
    }

    private void failSetup(FakeSetupIntent intent, CardError error) {
        intent.status = "requires_payment_method";
        intent.lastError = error;
        intent.redirectUrl = null;
        intent.paymentMethod = null;
    }

    // ---- refunds

    synchronized FakeResponse createRefund(String owner, FormParams params, String idempotencyKey) {
        FakePaymentIntent intent = params.has("payment_intent") ? paymentIntent(owner, params.get("payment_intent"))
                : paymentIntents.values().stream()
                        .filter(pi -> pi.owner.equals(owner) && pi.chargeId != null && pi.chargeId.equals(params.get("charge")))
                        .findFirst().orElse(null);
        if (intent == null) {
            return FakeResponse.invalidRequest(400, "resource_missing", "No such payment_intent: '"
                    + params.get("payment_intent") + "'");
        }
        if (!intent.status.equals("succeeded")) {
            return FakeResponse.invalidRequest(400, "charge_not_refundable",
                    "This PaymentIntent does not have a successful charge to refund.");
        }
        long left = intent.amountReceived - refunded(intent.id);
        Long amount = params.getLong("amount");
        long toRefund = amount == null ? left : amount;
        if (toRefund < 1 || toRefund > left) {
            return FakeResponse.invalidRequest(400, "amount_too_large", "Refund amount (" + toRefund
                    + ") is greater than unrefunded amount on charge (" + left + ")");
        }
        Optional<FakeResponse> refused = StripeCurrencies.refusal(toRefund, intent.currency);
        if (refused.isPresent()) {
            return refused.get();
        }
        Script script = next(refundScripts);
        String status = switch (script.kind()) {
            case REFUND_PENDING -> "pending";
            case REFUND_FAIL -> "failed";
            default -> "succeeded";
        };
        FakeRefund refund = new FakeRefund(Ids.next("re"), owner, intent.id, intent.chargeId, toRefund, intent.currency,
                params.nested("metadata"), idempotencyKey, now(), status);
        if (script.kind() == Script.Kind.REFUND_FAIL) {
            refund.failureReason = script.code();
        }
        refunds.put(refund.id, refund);
        return FakeResponse.ok(render.refund(refund));
    }

    synchronized FakeResponse retrieveRefund(String owner, String id) {
        FakeRefund refund = refunds.get(id);
        return refund == null || !refund.owner.equals(owner)
                ? FakeResponse.missing("refund", id) : FakeResponse.ok(render.refund(refund));
    }

    synchronized void settleRefund(String id) {
        required(refunds, id, "Refund").status = "succeeded";
    }

    synchronized void failRefund(String id, String reason) {
        FakeRefund refund = required(refunds, id, "Refund");
        refund.status = "failed";
        refund.failureReason = reason;
    }

    // ---- events and views

    /** The current JSON of any object the fake knows, by id: for the {@code data.object} of an event. */
    synchronized Optional<JsonObject> object(String id) {
        if (paymentIntents.containsKey(id)) {
            return Optional.of(render.paymentIntent(paymentIntents.get(id), null));
        }
        if (setupIntents.containsKey(id)) {
            return Optional.of(render.setupIntent(setupIntents.get(id), null));
        }
        if (refunds.containsKey(id)) {
            return Optional.of(render.refund(refunds.get(id)));
        }
        if (paymentMethods.containsKey(id)) {
            return Optional.of(render.paymentMethod(paymentMethods.get(id)));
        }
        if (customers.containsKey(id)) {
            return Optional.of(render.customer(customers.get(id)));
        }
        return paymentIntents.values().stream().filter(pi -> id.equals(pi.chargeId)).findFirst().map(this::charge);
    }

    /** The idempotency key the object was created with, for the event's {@code request}; else null. */
    synchronized String idempotencyKeyOf(String id) {
        if (paymentIntents.containsKey(id)) {
            return paymentIntents.get(id).idempotencyKey;
        }
        if (setupIntents.containsKey(id)) {
            return setupIntents.get(id).idempotencyKey;
        }
        return refunds.containsKey(id) ? refunds.get(id).idempotencyKey : null;
    }

    synchronized Optional<PaymentIntentView> paymentIntentView(String id) {
        return Optional.ofNullable(paymentIntents.get(id)).map(FakePaymentIntent::view);
    }

    synchronized List<PaymentIntentView> paymentIntentViews() {
        return paymentIntents.values().stream().map(FakePaymentIntent::view).toList();
    }

    synchronized Optional<SetupIntentView> setupIntentView(String id) {
        return Optional.ofNullable(setupIntents.get(id)).map(FakeSetupIntent::view);
    }

    synchronized Optional<RefundView> refundView(String id) {
        return Optional.ofNullable(refunds.get(id)).map(FakeRefund::view);
    }

    synchronized List<RefundView> refundViews() {
        return refunds.values().stream().map(FakeRefund::view).toList();
    }

    synchronized List<String> customerIds() {
        return List.copyOf(customers.keySet());
    }

    synchronized Optional<String> paymentMethodCustomer(String id) {
        return Optional.ofNullable(paymentMethods.get(id)).map(method -> method.customer);
    }

    /** The charge of a PaymentIntent's refund, rendered with all its refunds: the object of {@code charge.refunded}. */
    synchronized Optional<JsonObject> chargeOfRefund(String refundId) {
        FakeRefund refund = refunds.get(refundId);
        return refund == null ? Optional.empty() : Optional.of(charge(paymentIntents.get(refund.paymentIntent)));
    }

    private JsonObject charge(FakePaymentIntent intent) {
        List<FakeRefund> ofIntent = new ArrayList<>(refunds.values().stream()
                .filter(r -> r.paymentIntent.equals(intent.id)).toList());
        ofIntent.sort(Comparator.comparingLong((FakeRefund r) -> r.created).reversed());
        return render.charge(intent, ofIntent, refunded(intent.id));
    }

    private long refunded(String paymentIntentId) {
        return refunds.values().stream()
                .filter(r -> r.paymentIntent.equals(paymentIntentId) && !r.status.equals("failed") && !r.status.equals("canceled"))
                .mapToLong(r -> r.amount)
                .sum();
    }

    /** A customer id that is set but not one of this account's customers. */
    private boolean isForeignCustomer(String owner, String customer) {
        return customer != null && (customers.get(customer) == null || !customers.get(customer).owner().equals(owner));
    }

    /** The method a confirm call names, else a fresh test card (what Stripe.js would have collected); null if unknown. */
    private FakePaymentMethod methodToConfirmWith(String owner, FormParams params) {
        return params.has("payment_method") ? paymentMethod(owner, params.get("payment_method")) : testCard(owner, null);
    }

    private FakePaymentMethod testCard(String owner, String customer) {
        FakePaymentMethod method = new FakePaymentMethod(Ids.next("pm"), owner, TEST_CARD_BRAND, "4242", 8, 2030, now());
        method.customer = customer;
        paymentMethods.put(method.id, method);
        return method;
    }

    private FakePaymentIntent paymentIntent(String owner, String id) {
        FakePaymentIntent intent = paymentIntents.get(id);
        return intent != null && intent.owner.equals(owner) ? intent : null;
    }

    private FakeSetupIntent setupIntent(String owner, String id) {
        FakeSetupIntent intent = setupIntents.get(id);
        return intent != null && intent.owner.equals(owner) ? intent : null;
    }

    private FakePaymentMethod paymentMethod(String owner, String id) {
        FakePaymentMethod method = paymentMethods.get(id);
        return method != null && method.owner.equals(owner) ? method : null;
    }

    private static FakeResponse unexpectedState(String what, String status) {
        return FakeResponse.invalidRequest(400, what.toLowerCase(Locale.ROOT).replace("intent", "_intent") + "_unexpected_state",
                "This " + what + "'s status is " + status + ", which does not allow this operation.");
    }

    private static <T> T required(Map<String, T> objects, String id, String what) {
        T object = objects.get(id);
        if (object == null) {
            throw new IllegalArgumentException("the fake knows no " + what + " " + id);
        }
        return object;
    }

    private static Script next(Deque<Script> scripts) {
        Script script = scripts.poll();
        return script == null ? Script.SUCCEED : script;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
