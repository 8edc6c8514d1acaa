package dev.kassa.plugin.paypal;

import com.paypal.sdk.models.AmountWithBreakdown;
import com.paypal.sdk.models.CaptureOrderInput;
import com.paypal.sdk.models.CaptureStatus;
import com.paypal.sdk.models.CheckoutPaymentIntent;
import com.paypal.sdk.models.CreateOrderInput;
import com.paypal.sdk.models.GetOrderInput;
import com.paypal.sdk.models.LinkDescription;
import com.paypal.sdk.models.Money;
import com.paypal.sdk.models.Order;
import com.paypal.sdk.models.OrderCaptureRequest;
import com.paypal.sdk.models.OrderRequest;
import com.paypal.sdk.models.OrdersCapture;
import com.paypal.sdk.models.PayeePaymentMethodPreference;
import com.paypal.sdk.models.PaymentSource;
import com.paypal.sdk.models.PaypalExperienceUserAction;
import com.paypal.sdk.models.PaypalPaymentTokenCustomerType;
import com.paypal.sdk.models.PaypalPaymentTokenUsageType;
import com.paypal.sdk.models.PaypalWallet;
import com.paypal.sdk.models.PaypalWalletAttributes;
import com.paypal.sdk.models.PaypalWalletAttributesResponse;
import com.paypal.sdk.models.PaypalWalletContextShippingPreference;
import com.paypal.sdk.models.PaypalWalletCustomerRequest;
import com.paypal.sdk.models.PaypalWalletExperienceContext;
import com.paypal.sdk.models.PaypalWalletVaultInstruction;
import com.paypal.sdk.models.PaypalWalletVaultResponse;
import com.paypal.sdk.models.PaypalWalletVaultStatus;
import com.paypal.sdk.models.PurchaseUnit;
import com.paypal.sdk.models.PurchaseUnitRequest;
import com.paypal.sdk.models.StoreInVaultInstruction;
import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.NextAction;
import dev.kassa.api.payment.Outcome;
import dev.kassa.api.payment.PaymentRequest;
import dev.kassa.api.payment.PaymentResult;
import dev.kassa.api.payment.SavedMethodDetails;
import java.util.List;
import java.util.Map;

/**
 * Payments as Orders v2, through the SDK's {@code OrdersController}: an order with intent
 * {@code CAPTURE}, created with the attempt id as {@code PayPal-Request-Id} and as the purchase unit's
 * {@code custom_id}; the payer approves it on PayPal's page; the plugin captures it the first time it
 * sees it {@code APPROVED} (a status query after the payer's return, or the
 * {@code CHECKOUT.ORDER.APPROVED} webhook), with {@code capture-<order id>} as {@code PayPal-Request-Id}
 * so that two nodes capturing at once capture once.
 *
 * <p>The order's outcome is its capture's: {@code COMPLETED} (or since refunded) is SUCCEEDED with
 * the captured amount; {@code PENDING} stays PENDING until {@code PAYMENT.CAPTURE.COMPLETED} or a
 * later status query; {@code DECLINED}/{@code FAILED} are DECLINED with PayPal's reason. An order
 * the payer has not approved yet is ACTION_REQUIRED with the approval link; one PayPal no longer
 * knows (unapproved orders expire) or {@code VOIDED} is DECLINED.
 */
final class PayPalOrders {
    static final String CONTENT_TYPE = "application/json";
    /** PayPal answers a create or capture with the whole order only when asked to. */
    static final String REPRESENTATION = "return=representation";

    private final PayPalApi api;

    PayPalOrders(PayPalApi api) {
        this.api = api;
    }

    PaymentResult pay(PaymentRequest request) {
        return create(request, orderBody(request, paypalSource(request)));
    }

    /** An off-session payment with a vaulted PayPal account: created and captured at once, no payer in sight. */
    PaymentResult payWithVault(PaymentRequest request) {
        return create(request, orderBody(request, new PaymentSource.Builder()
                .paypal(new PaypalWallet.Builder().vaultId(request.savedMethodToken()).build()).build()));
    }

    private PaymentResult create(PaymentRequest request, OrderRequest body) {
        if (!PayPalCurrencies.represents(request.amount())) {
            return PaymentResult.declined(null, "currency_not_supported",
                    "PayPal cannot take exactly " + request.amount()).withAttemptId(request.attemptId());
        }
        try {
            PayPalApi.Reply<Order> reply = api.call(client -> client.getOrdersController().createOrder(
                    new CreateOrderInput.Builder(CONTENT_TYPE, body)
                            .paypalRequestId(request.attemptId())
                            .prefer(REPRESENTATION)
                            .build()));
            if (!reply.ok()) {
                return PaymentResult.declined(null, reply.issue(), reply.message()).withAttemptId(request.attemptId());
            }
            return read(reply.result(), request.attemptId());
        } catch (PayPalApi.Refused e) {
            return PaymentResult.declined(null, e.code(), e.getMessage()).withAttemptId(request.attemptId());
        } catch (PayPalApi.Unanswered e) {
            return PaymentResult.unknown(null, e.getMessage()).withAttemptId(request.attemptId());
        }
    }

    /**
     * Where an order stands, capturing it when the payer has approved it.
     *
     * <p>Without an order id the create call never got an answer, so the payer never got the approval
     * link: no money can move for this attempt (PayPal takes nothing from an order nobody approved, and
     * expires it), and the answer is DECLINED.
     */
    PaymentResult status(String orderId, String attemptId) {
        if (orderId == null) {
            return PaymentResult.declined(null, "order_not_created",
                    "PayPal never answered the order's creation, so the payer could not approve it")
                    .withAttemptId(attemptId);
        }
        try {
            PayPalApi.Reply<Order> reply = get(orderId);
            if (reply.status() == 404) {
                return PaymentResult.declined(orderId, "order_expired",
                        "PayPal no longer knows the order: the payer did not approve it in time").withAttemptId(attemptId);
            }
            if (!reply.ok()) {
                return PaymentResult.unknown(orderId, reply.message()).withAttemptId(attemptId);
            }
            return read(reply.result(), attemptId);
        } catch (PayPalApi.Refused | PayPalApi.Unanswered e) {
            return PaymentResult.unknown(orderId, e.getMessage()).withAttemptId(attemptId);
        }
    }

    PayPalApi.Reply<Order> get(String orderId) {
        return api.call(client -> client.getOrdersController().getOrder(new GetOrderInput.Builder(orderId).build()));
    }

    /** An order as PayPal returned it, captured first if it is {@code APPROVED}. */
    PaymentResult read(Order order, String attemptId) {
        String id = order.getId();
        String attempt = attemptId != null ? attemptId : customId(order);
        String status = order.getStatus() == null ? null : order.getStatus().value();
        PaymentResult result;
        switch (String.valueOf(status)) {
            case "CREATED":
            case "SAVED":
            case "PAYER_ACTION_REQUIRED":
                result = approval(order, id);
                break;
            case "APPROVED":
                result = capture(id);
                break;
            case "COMPLETED":
                result = completed(order, id);
                break;
            case "VOIDED":
                result = PaymentResult.declined(id, "order_voided", "PayPal voided the order");
                break;
            default:
                result = PaymentResult.unknown(id, "PayPal order status " + status);
        }
        return attempt == null ? result : result.withAttemptId(attempt);
    }

    private static String customId(Order order) {
        PurchaseUnit unit = first(order.getPurchaseUnits());
        return unit == null ? null : unit.getCustomId();
    }

    private PaymentResult approval(Order order, String id) {
        String link = link(order.getLinks(), "payer-action");
        if (link == null) {
            link = link(order.getLinks(), "approve");
        }
        if (link == null) {
            return PaymentResult.unknown(id, "PayPal gave no approval link");
        }
        return PaymentResult.actionRequired(id, NextAction.redirect(link, Map.of("orderId", id)));
    }

    private PaymentResult capture(String orderId) {
        PayPalApi.Reply<Order> reply = api.call(client -> client.getOrdersController().captureOrder(
                new CaptureOrderInput.Builder(orderId, CONTENT_TYPE)
                        .paypalRequestId("capture-" + orderId)
                        .prefer(REPRESENTATION)
                        .body(new OrderCaptureRequest.Builder().build())
                        .build()));
        if (reply.ok()) {
            return completed(reply.result(), orderId);
        }
        String issue = reply.issue();
        if ("ORDER_ALREADY_CAPTURED".equals(issue)) {
            PayPalApi.Reply<Order> again = get(orderId);
            return again.ok() ? completed(again.result(), orderId) : PaymentResult.unknown(orderId, again.message());
        }
        if ("ORDER_NOT_APPROVED".equals(issue) || "PAYER_ACTION_REQUIRED".equals(issue)) {
            PayPalApi.Reply<Order> again = get(orderId);
            return again.ok() ? approval(again.result(), orderId) : PaymentResult.unknown(orderId, again.message());
        }
        return PaymentResult.declined(orderId, issue, reply.message());
    }

    private PaymentResult completed(Order order, String orderId) {
        OrdersCapture capture = lastCapture(order);
        if (capture == null) {
            return PaymentResult.unknown(orderId, "the completed order names no capture");
        }
        CaptureStatus captureStatus = capture.getStatus();
        String status = captureStatus == null ? null : captureStatus.value();
        String reason = capture.getStatusDetails() == null || capture.getStatusDetails().getReason() == null
                ? null : capture.getStatusDetails().getReason().value();
        PaymentResult result;
        switch (String.valueOf(status)) {
            case "COMPLETED":
            case "PARTIALLY_REFUNDED":
            case "REFUNDED":
                Money amount = capture.getAmount();
                result = amount == null ? PaymentResult.unknown(orderId, "the capture names no amount")
                        : PaymentResult.succeeded(orderId, PayPalCurrencies.amount(amount.getCurrencyCode(), amount.getValue()));
                break;
            case "PENDING":
                result = new PaymentResult(Outcome.PENDING, orderId, null, null, null,
                        reason == null ? "PENDING" : reason, "PayPal holds the capture: " + (reason == null
                        ? "pending" : reason), null, null);
                break;
            case "DECLINED":
            case "FAILED":
                String processor = capture.getProcessorResponse() == null
                        || capture.getProcessorResponse().getResponseCode() == null
                        ? null : capture.getProcessorResponse().getResponseCode().value();
                result = PaymentResult.declined(orderId, reason != null ? reason : "capture_" + status.toLowerCase(),
                        "PayPal " + status.toLowerCase() + " the capture" + (processor == null ? ""
                                : " (processor response " + processor + ")"));
                break;
            default:
                result = PaymentResult.unknown(orderId, "PayPal capture status " + status);
        }
        PaypalWalletVaultResponse vault = vault(order);
        SavedMethodDetails vaulted = vaulted(vault);
        if (vaulted == null) {
            return result;
        }
        String customer = vault.getCustomer() == null ? null : vault.getCustomer().getId();
        result = result.withSavedMethod(vaulted);
        return customer == null ? result : result.withCustomerReference(customer);
    }

    /** The order's last capture, else null. */
    static OrdersCapture lastCapture(Order order) {
        PurchaseUnit unit = first(order.getPurchaseUnits());
        if (unit == null || unit.getPayments() == null) {
            return null;
        }
        List<OrdersCapture> captures = unit.getPayments().getCaptures();
        return captures == null || captures.isEmpty() ? null : captures.get(captures.size() - 1);
    }

    /** The merchant the order pays, else null. */
    static String payee(Order order) {
        PurchaseUnit unit = first(order.getPurchaseUnits());
        return unit == null || unit.getPayee() == null ? null : unit.getPayee().getMerchantId();
    }

    private static PaypalWalletVaultResponse vault(Order order) {
        if (order.getPaymentSource() == null || order.getPaymentSource().getPaypal() == null) {
            return null;
        }
        PaypalWalletAttributesResponse attributes = order.getPaymentSource().getPaypal().getAttributes();
        return attributes == null ? null : attributes.getVault();
    }

    /** The PayPal account the order saved in the vault ({@code store_in_vault}), else null. */
    private static SavedMethodDetails vaulted(PaypalWalletVaultResponse vault) {
        if (vault == null || vault.getId() == null || vault.getStatus() != PaypalWalletVaultStatus.VAULTED) {
            return null;
        }
        return new SavedMethodDetails(vault.getId(), "paypal", null, 0, 0);
    }

    /** The {@code href} of the link with this {@code rel}, else null. */
    static String link(List<LinkDescription> links, String rel) {
        if (links == null) {
            return null;
        }
        for (LinkDescription link : links) {
            if (link != null && rel.equals(link.getRel())) {
                return link.getHref();
            }
        }
        return null;
    }

    private static <T> T first(List<T> list) {
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    private static OrderRequest orderBody(PaymentRequest request, PaymentSource source) {
        Amount amount = request.amount();
        PurchaseUnitRequest.Builder unit = new PurchaseUnitRequest.Builder(
                new AmountWithBreakdown.Builder(amount.currency(), PayPalCurrencies.value(amount)).build())
                .referenceId("default")
                .customId(request.attemptId());
        if (request.reference() != null) {
            unit.softDescriptor(softDescriptor(request.reference()));
        }
        if (request.description() != null) {
            unit.description(truncate(request.description(), 127));
        }
        return new OrderRequest.Builder(CheckoutPaymentIntent.CAPTURE, List.of(unit.build()))
                .paymentSource(source)
                .build();
    }

    private static PaymentSource paypalSource(PaymentRequest request) {
        PaypalWalletExperienceContext.Builder experience = new PaypalWalletExperienceContext.Builder()
                .shippingPreference(PaypalWalletContextShippingPreference.NO_SHIPPING)
                .userAction(PaypalExperienceUserAction.PAY_NOW)
                .paymentMethodPreference(PayeePaymentMethodPreference.IMMEDIATE_PAYMENT_REQUIRED);
        if (request.returnUrl() != null) {
            experience.returnUrl(request.returnUrl())
                    .cancelUrl(request.cancelUrl() != null ? request.cancelUrl() : request.returnUrl());
        }
        // No locale: PayPal takes only the language-country pairs it supports (a French speaker in
        // Germany, fr-DE, is not one), and picks the payer's language from the browser by itself.
        PaypalWallet.Builder paypal = new PaypalWallet.Builder().experienceContext(experience.build());
        if (request.customer().email() != null) {
            paypal.emailAddress(request.customer().email());
        }
        if (request.saveMethod()) {
            PaypalWalletAttributes.Builder attributes = new PaypalWalletAttributes.Builder()
                    .vault(new PaypalWalletVaultInstruction.Builder(PaypalPaymentTokenUsageType.MERCHANT)
                            .storeInVault(StoreInVaultInstruction.ON_SUCCESS)
                            .customerType(PaypalPaymentTokenCustomerType.CONSUMER)
                            .permitMultiplePaymentTokens(true)
                            .build());
            if (request.customer().gatewayReference() != null) {
                attributes.customer(new PaypalWalletCustomerRequest.Builder()
                        .id(request.customer().gatewayReference()).build());
            }
            paypal.attributes(attributes.build());
        }
        return new PaymentSource.Builder().paypal(paypal.build()).build();
    }

    /** What PayPal shows on the payer's card statement after the merchant's name: at most 22 characters. */
    private static String softDescriptor(String reference) {
        return truncate(reference.replaceAll("[^A-Za-z0-9 .-]", ""), 22);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
