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
    private static final String TEST_CARD_NUMBER = "4242424242424242";

    private final StripeRenderer render;
    private final Clock clock;
    private volatile String redirectBase = "https://hooks.stripe.com";
    private final Map<String, FakeCustomer> customers = new LinkedHashMap<>();
    private final Map<String, FakePaymentMethod> paymentMethods = new LinkedHashMap<>();
    private final Map<String, FakePaymentIntent> paymentIntents = new LinkedHashMap<>();
    private final Map<String, FakeSetupIntent> setupIntents = new LinkedHashMap<>();
    private final Map<String, FakeRefund> refunds = new LinkedHashMap<>();
    private final Map<String, FakeCheckoutSession> sessions = new LinkedHashMap<>();
    /** Events of the hosted pages not yet sent, oldest first: drained after each request or step. */
    private final List<PendingEvent> outbox = new ArrayList<>();
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
        sessions.clear();
        outbox.clear();
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
        return confirm(intent, method, next(paymentScripts));
    }

    private FakeResponse confirm(FakePaymentIntent intent, FakePaymentMethod method, Script script) {
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
        confirmSetup(intent, method, next(setupScripts));
    }

    private void confirmSetup(FakeSetupIntent intent, FakePaymentMethod method, Script script) {
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

    // ---- checkout sessions: the hosted payment page

    /**
     * Payment mode takes one line of quantity 1 with {@code price_data} (what the plugin sends);
     * setup mode takes no line. The page's URL is the fake's own ({@link HostedPage}).
     */
    synchronized FakeResponse createCheckoutSession(String owner, FormParams params, String idempotencyKey) {
        String mode = params.get("mode");
        if (!"payment".equals(mode) && !"setup".equals(mode)) {
            return FakeResponse.invalidRequest(400, "parameter_invalid_string",
                    "Invalid mode: the fake takes payment or setup, not " + mode);
        }
        String successUrl = params.get("success_url");
        if (successUrl == null || successUrl.isBlank()) {
            return FakeResponse.invalidRequest(400, "parameter_missing", "Missing required param: success_url.");
        }
        String customer = params.get("customer");
        if (isForeignCustomer(owner, customer)) {
            return FakeResponse.invalidRequest(400, "resource_missing", "No such customer: '" + customer + "'");
        }
        long amount = 0;
        String currency = null;
        String name = null;
        if (mode.equals("payment")) {
            Map<String, String> line = params.nestedAt("line_items", "0");
            Map<String, String> price = params.nestedAt("line_items", "0", "price_data");
            currency = price.get("currency");
            Long unit = parseLong(price.get("unit_amount"));
            if (unit == null || unit < 1 || !"1".equals(line.get("quantity"))
                    || params.has("line_items[1][quantity]")) {
                return FakeResponse.invalidRequest(400, "parameter_missing",
                        "The fake takes exactly one line item of quantity 1 with price_data[unit_amount].");
            }
            if (currency == null || !currency.matches("[a-z]{3}")) {
                return FakeResponse.invalidRequest(400, "parameter_invalid_string", "Invalid currency: " + currency);
            }
            Optional<FakeResponse> refused = StripeCurrencies.refusal(unit, currency);
            if (refused.isPresent()) {
                return refused.get();
            }
            amount = unit;
            name = params.nestedAt("line_items", "0", "price_data", "product_data").get("name");
        }
        Map<String, String> intentMetadata = mode.equals("payment")
                ? params.nestedAt("payment_intent_data", "metadata") : params.nestedAt("setup_intent_data", "metadata");
        String id = Ids.next("cs_test");
        FakeCheckoutSession session = new FakeCheckoutSession(id, owner, mode, customer,
                params.get("client_reference_id"), amount, currency, name, params.nested("metadata"), intentMetadata,
                params.get("payment_intent_data[setup_future_usage]"), params.get("payment_intent_data[description]"),
                successUrl, params.get("cancel_url"), params.get("locale"), redirectBase + HostedPage.PATH + id,
                idempotencyKey, now());
        sessions.put(id, session);
        return FakeResponse.ok(render.checkoutSession(session, null, null));
    }

    /** With {@code expand[]} of {@code payment_intent}, {@code setup_intent} and their {@code .payment_method}. */
    synchronized FakeResponse retrieveCheckoutSession(String owner, String id, FormParams params) {
        FakeCheckoutSession session = session(owner, id);
        if (session == null) {
            return FakeResponse.missing("checkout.session", id);
        }
        return FakeResponse.ok(render.checkoutSession(session, expandedIntent(session, params),
                expandedSetupIntent(session, params)));
    }

    /**
     * {@code POST /v1/checkout/sessions/{id}/expire}: only an open session; Stripe then sends
     * {@code checkout.session.expired}.
     */
    synchronized FakeResponse expireCheckoutSession(String owner, String id) {
        FakeCheckoutSession session = session(owner, id);
        if (session == null) {
            return FakeResponse.missing("checkout.session", id);
        }
        if (!session.status.equals("open")) {
            return FakeResponse.invalidRequest(400, "checkout_session_unexpected_state",
                    "Only Checkout Sessions with a status in [\"open\"] can be expired.");
        }
        expire(session);
        return FakeResponse.ok(render.checkoutSession(session, null, null));
    }

    /**
     * The customer submits the hosted page: Pay with {@code cardNumber} (Stripe's test cards: 4242…
     * takes the next scripted outcome, by default success; 4000 0027 6000 3184 and 4000 0025 0000
     * 3155 want 3-D Secure; 4000 0000 0000 0002 is declined, 4000 0000 0000 9995 has insufficient
     * funds), or Decline ({@code decline}: {@code card_declined}, decline code {@code generic_decline}).
     *
     * @throws IllegalArgumentException when the fake knows no such session
     */
    synchronized CheckoutStep submitCheckout(String id, String cardNumber, boolean decline) {
        FakeCheckoutSession session = required(sessions, id, "Checkout Session");
        if (!session.status.equals("open")) {
            return notOpen(session);
        }
        String digits = cardNumber == null ? TEST_CARD_NUMBER : cardNumber.replaceAll("[\\s-]", "");
        if (!digits.matches("[0-9]{12,19}")) {
            return new CheckoutStep(CheckoutStep.Next.SHOW, null, "Your card number is invalid.");
        }
        Script script = decline ? new Script(Script.Kind.DECLINE, "generic_decline") : cardScript(digits)
                .orElseGet(() -> next(session.isSetup() ? setupScripts : paymentScripts));
        FakePaymentMethod card = testCard(session.owner, null, digits.substring(digits.length() - 4));
        if (session.isSetup()) {
            FakeSetupIntent intent = setupIntentOf(session);
            confirmSetup(intent, card, script);
            return afterSetup(session, intent);
        }
        FakePaymentIntent intent = paymentIntentOf(session);
        confirm(intent, card, script);
        return afterPayment(session, intent);
    }

    /** The customer completes (or fails) 3-D Secure on the page the bank showed. */
    synchronized CheckoutStep authenticateCheckout(String id, boolean passes) {
        FakeCheckoutSession session = required(sessions, id, "Checkout Session");
        if (!session.status.equals("open")) {
            return notOpen(session);
        }
        if (session.isSetup()) {
            FakeSetupIntent intent = session.setupIntent == null ? null : setupIntents.get(session.setupIntent);
            if (intent == null || !intent.status.equals("requires_action")) {
                return new CheckoutStep(CheckoutStep.Next.SHOW, null, "Nothing to authenticate.");
            }
            if (passes) {
                succeedSetup(intent);
            } else {
                failSetup(intent, CardError.of("setup_intent_authentication_failure"));
            }
            return afterSetup(session, intent);
        }
        FakePaymentIntent intent = session.paymentIntent == null ? null : paymentIntents.get(session.paymentIntent);
        if (intent == null || !intent.status.equals("requires_action")) {
            return new CheckoutStep(CheckoutStep.Next.SHOW, null, "Nothing to authenticate.");
        }
        if (passes) {
            succeed(intent);
        } else {
            decline(intent, CardError.of("payment_intent_authentication_failure"));
        }
        return afterPayment(session, intent);
    }

    /** The session expires unpaid (as Stripe does after {@code expires_at}). */
    synchronized void expireCheckout(String id) {
        FakeCheckoutSession session = required(sessions, id, "Checkout Session");
        if (!session.status.equals("open")) {
            throw new IllegalStateException("cannot expire a Checkout Session in status " + session.status);
        }
        expire(session);
    }

    synchronized Optional<CheckoutSessionView> checkoutSessionView(String id) {
        return Optional.ofNullable(sessions.get(id)).map(FakeCheckoutSession::view);
    }

    synchronized List<CheckoutSessionView> checkoutSessionViews() {
        return sessions.values().stream().map(FakeCheckoutSession::view).toList();
    }

    /** The session, for its page; empty when the fake knows none. */
    synchronized Optional<CheckoutSessionView> page(String id) {
        return checkoutSessionView(id);
    }

    /** The events of the hosted pages not yet sent, oldest first; the outbox is empty afterwards. */
    synchronized List<PendingEvent> drainEvents() {
        List<PendingEvent> drained = List.copyOf(outbox);
        outbox.clear();
        return drained;
    }

    private void expire(FakeCheckoutSession session) {
        session.status = "expired";
        outbox.add(new PendingEvent(session.owner, "checkout.session.expired", session.id));
    }

    private CheckoutStep afterPayment(FakeCheckoutSession session, FakePaymentIntent intent) {
        switch (intent.status) {
            case "succeeded":
                session.status = "complete";
                session.paymentStatus = "paid";
                outbox.add(new PendingEvent(session.owner, "checkout.session.completed", session.id));
                outbox.add(new PendingEvent(session.owner, "payment_intent.succeeded", intent.id));
                return new CheckoutStep(CheckoutStep.Next.RETURN, session.successUrl, null);
            case "processing":
                session.status = "complete";
                outbox.add(new PendingEvent(session.owner, "checkout.session.completed", session.id));
                outbox.add(new PendingEvent(session.owner, "payment_intent.processing", intent.id));
                return new CheckoutStep(CheckoutStep.Next.RETURN, session.successUrl, null);
            case "requires_action":
                intent.redirectUrl = authenticationUrl(session);
                return new CheckoutStep(CheckoutStep.Next.AUTHENTICATE, intent.redirectUrl, null);
            default:
                outbox.add(new PendingEvent(session.owner, "payment_intent.payment_failed", intent.id));
                return declined(session, intent.lastError);
        }
    }

    private CheckoutStep afterSetup(FakeCheckoutSession session, FakeSetupIntent intent) {
        switch (intent.status) {
            case "succeeded":
                session.status = "complete";
                outbox.add(new PendingEvent(session.owner, "checkout.session.completed", session.id));
                outbox.add(new PendingEvent(session.owner, "setup_intent.succeeded", intent.id));
                return new CheckoutStep(CheckoutStep.Next.RETURN, session.successUrl, null);
            case "requires_action":
                intent.redirectUrl = authenticationUrl(session);
                return new CheckoutStep(CheckoutStep.Next.AUTHENTICATE, intent.redirectUrl, null);
            default:
                outbox.add(new PendingEvent(session.owner, "setup_intent.setup_failed", intent.id));
                return declined(session, intent.lastError);
        }
    }

    /** Back to the cancel URL with the decline; without one, the page again, saying why. */
    private static CheckoutStep declined(FakeCheckoutSession session, CardError error) {
        String message = error == null ? "Your card was declined." : error.message();
        return session.cancelUrl != null ? new CheckoutStep(CheckoutStep.Next.CANCEL, session.cancelUrl, message)
                : new CheckoutStep(CheckoutStep.Next.SHOW, null, message);
    }

    private static CheckoutStep notOpen(FakeCheckoutSession session) {
        return new CheckoutStep(CheckoutStep.Next.SHOW, null, session.status.equals("expired")
                ? "This payment page has expired." : "This payment page is complete.");
    }

    private String authenticationUrl(FakeCheckoutSession session) {
        return redirectBase + HostedPage.PATH + session.id + HostedPage.AUTHENTICATE;
    }

    private FakePaymentIntent paymentIntentOf(FakeCheckoutSession session) {
        if (session.paymentIntent == null) {
            FakePaymentIntent intent = new FakePaymentIntent(Ids.next("pi"), session.owner, session.amount,
                    session.currency, session.customer, session.description, session.intentMetadata,
                    session.setupFutureUsage, false, null, now());
            paymentIntents.put(intent.id, intent);
            session.paymentIntent = intent.id;
        }
        return paymentIntents.get(session.paymentIntent);
    }

    private FakeSetupIntent setupIntentOf(FakeCheckoutSession session) {
        if (session.setupIntent == null) {
            FakeSetupIntent intent = new FakeSetupIntent(Ids.next("seti"), session.owner, session.customer,
                    "off_session", session.intentMetadata, null, now());
            setupIntents.put(intent.id, intent);
            session.setupIntent = intent.id;
        }
        return setupIntents.get(session.setupIntent);
    }

    private JsonObject expandedIntent(FakeCheckoutSession session, FormParams params) {
        if (session.paymentIntent == null || !params.expands("payment_intent")) {
            return null;
        }
        FakePaymentIntent intent = paymentIntents.get(session.paymentIntent);
        return render.paymentIntent(intent, params.expands("payment_intent.payment_method")
                ? paymentMethods.get(intent.paymentMethod) : null);
    }

    private JsonObject expandedSetupIntent(FakeCheckoutSession session, FormParams params) {
        if (session.setupIntent == null || !params.expands("setup_intent")) {
            return null;
        }
        FakeSetupIntent intent = setupIntents.get(session.setupIntent);
        return render.setupIntent(intent, params.expands("setup_intent.payment_method")
                ? paymentMethods.get(intent.paymentMethod) : null);
    }

    /** What Stripe's test cards do, whatever is scripted; empty for 4242… and other cards. */
    private static Optional<Script> cardScript(String digits) {
        return switch (digits) {
            case "4000002760003184", "4000002500003155", "4000000000003220" ->
                    Optional.of(new Script(Script.Kind.AUTHENTICATE, null));
            case "4000000000000002" -> Optional.of(new Script(Script.Kind.DECLINE, "generic_decline"));
            case "4000000000009995" -> Optional.of(new Script(Script.Kind.DECLINE, "insufficient_funds"));
            case "4000000000000069" -> Optional.of(new Script(Script.Kind.DECLINE, "expired_card"));
            default -> Optional.empty();
        };
    }

    private FakeCheckoutSession session(String owner, String id) {
        FakeCheckoutSession session = sessions.get(id);
        return session != null && session.owner.equals(owner) ? session : null;
    }

    private static Long parseLong(String value) {
        try {
            return value == null ? null : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
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
        if (sessions.containsKey(id)) {
            return Optional.of(render.checkoutSession(sessions.get(id), null, null));
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
        if (sessions.containsKey(id)) {
            return sessions.get(id).idempotencyKey;
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
        return testCard(owner, customer, "4242");
    }

    private FakePaymentMethod testCard(String owner, String customer, String last4) {
        FakePaymentMethod method = new FakePaymentMethod(Ids.next("pm"), owner, TEST_CARD_BRAND, last4, 8, 2030, now());
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
