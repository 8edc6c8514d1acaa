package dev.kassa.testkit.paypal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A minimal stand-in for PayPal's approval page at an order's {@code payer-action} link
 * ({@value #PATH}{@code ?token=<order id>}), plain HTML without script: the amount, "Pay with
 * PayPal" ({@code data-test="paypal-approve"}, {@code action=approve}) and "Cancel and return"
 * ({@code paypal-cancel}, {@code action=cancel}). Posting it approves the order and answers
 * {@code 303} to the order's {@code return_url} with {@code token} and {@code PayerID}, or to its
 * {@code cancel_url} with {@code token}, as PayPal does.
 */
final class PayPalApprovalPage {
    static final String PATH = "/checkoutnow";

    private final PayPalBackend backend;
    private final Runnable afterApproval;

    PayPalApprovalPage(PayPalBackend backend, Runnable afterApproval) {
        this.backend = backend;
        this.afterApproval = afterApproval;
    }

    ResponseDefinition handle(String method, String token, String form) {
        PayPalBackend.SetupToken setup = token == null ? null : backend.setupToken(token).orElse(null);
        if (setup != null) {
            return setup(method, setup, form);
        }
        PayPalBackend.Order order = token == null ? null : backend.order(token).orElse(null);
        if (order == null) {
            return html(404, page("Not found", "<p>This PayPal checkout link is not valid.</p>"));
        }
        if ("GET".equals(method)) {
            if (!"PAYER_ACTION_REQUIRED".equals(order.status)) {
                return html(200, page("PayPal", "<p data-test=\"paypal-status\">" + order.status + "</p>"));
            }
            String amount = order.value + " " + order.currency;
            return html(200, page("Pay with PayPal", "<p data-test=\"paypal-amount\">" + amount + "</p>\n"
                    + "<form method=\"post\" action=\"" + PATH + "?token=" + order.id + "\">\n"
                    + "<button type=\"submit\" name=\"action\" value=\"approve\" data-test=\"paypal-approve\">"
                    + "Pay " + amount + "</button>\n"
                    + "<button type=\"submit\" name=\"action\" value=\"cancel\" data-test=\"paypal-cancel\">"
                    + "Cancel and return</button>\n</form>\n"));
        }
        if (!"POST".equals(method)) {
            return html(405, page("Method not allowed", "<p>GET or POST.</p>"));
        }
        if (form != null && form.contains("action=cancel")) {
            return redirect(order.cancelUrl, "token=" + order.id);
        }
        if (!backend.approve(order.id)) {
            return html(409, page("PayPal", "<p>This order cannot be approved now.</p>"));
        }
        afterApproval.run();
        return redirect(order.returnUrl, "token=" + order.id + "&PayerID=FAKEPAYER0001");
    }

    /** The page for saving a PayPal account without paying (a Vault setup token). */
    private ResponseDefinition setup(String method, PayPalBackend.SetupToken setup, String form) {
        if ("GET".equals(method)) {
            if (!"PAYER_ACTION_REQUIRED".equals(setup.status)) {
                return html(200, page("PayPal", "<p data-test=\"paypal-status\">" + setup.status + "</p>"));
            }
            return html(200, page("Save PayPal for later payments", "<p>Allow the merchant to charge this PayPal "
                    + "account later.</p>\n<form method=\"post\" action=\"" + PATH + "?token=" + setup.id + "\">\n"
                    + "<button type=\"submit\" name=\"action\" value=\"approve\" data-test=\"paypal-approve\">"
                    + "Agree and continue</button>\n"
                    + "<button type=\"submit\" name=\"action\" value=\"cancel\" data-test=\"paypal-cancel\">"
                    + "Cancel and return</button>\n</form>\n"));
        }
        if (form != null && form.contains("action=cancel")) {
            return redirect(setup.cancelUrl, "approval_token_id=" + setup.id);
        }
        if (!backend.approveSetup(setup.id)) {
            return html(409, page("PayPal", "<p>This agreement cannot be approved now.</p>"));
        }
        return redirect(setup.returnUrl, "approval_token_id=" + setup.id + "&approval_session_id=" + setup.id);
    }

    private static ResponseDefinition redirect(String url, String query) {
        if (url == null) {
            return html(200, page("PayPal", "<p data-test=\"paypal-done\">Done. You can close this page.</p>"));
        }
        String location = url + (url.contains("?") ? "&" : "?") + query;
        return ResponseDefinitionBuilder.responseDefinition().withStatus(303).withHeader("Location", location)
                .withHeader("Cache-Control", "no-store").build();
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + title
                + " – PayPal fake</title></head>\n<body>\n<h1>" + title + "</h1>\n" + body + "</body>\n</html>\n";
    }

    private static ResponseDefinition html(int status, String html) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withHeader("Cache-Control", "no-store")
                .withBody(html).build();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
