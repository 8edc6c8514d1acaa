package dev.kassa.testkit.stripe;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * A minimal stand-in for Stripe's hosted Checkout page, served by the fake at a session's
 * {@code url} ({@value #PATH}{@code <session id>}), so that tests (plain HTTP now, a browser
 * later) can go through it offline. Plain HTML forms, no script:
 *
 * <ul>
 * <li>{@code GET} the page: the amount and a card field (Stripe's test card 4242 4242 4242 4242
 *     filled in) with the buttons Pay ({@code data-test="checkout-pay"}, form field
 *     {@code action=pay}) and Decline ({@code checkout-decline}, {@code action=decline}), and a
 *     link back to the cancel URL ({@code checkout-cancel}). In setup mode Pay saves the card.</li>
 * <li>{@code POST} it: the customer's step ({@link StripeBackend#submitCheckout}); the answer is a
 *     {@code 303} to the success URL, to the cancel URL after a decline, or to the 3-D Secure page
 *     ({@value #AUTHENTICATE}) when the card wants it (4000 0027 6000 3184, or a scripted
 *     {@link StripeFake#nextPaymentRequiresAction()}).</li>
 * <li>The 3-D Secure page: "Complete authentication" ({@code checkout-authenticate},
 *     {@code action=complete}) and "Fail authentication" ({@code checkout-fail-authentication},
 *     {@code action=fail}); posting it pays (or declines) and redirects as above.</li>
 * </ul>
 *
 * <p>Before the redirect, the events Stripe would send are delivered, signed, to the account's
 * webhook endpoint ({@link StripeFake#sendWebhooks}).
 */
final class HostedPage {
    static final String PATH = "/checkout/pay/";
    static final String AUTHENTICATE = "/authenticate";

    private final StripeBackend backend;
    private final WebhookSender webhooks;

    HostedPage(StripeBackend backend, WebhookSender webhooks) {
        this.backend = backend;
        this.webhooks = webhooks;
    }

    static boolean serves(String path) {
        return path.startsWith(PATH);
    }

    ResponseDefinition handle(String method, String path, String body) {
        String rest = path.substring(PATH.length());
        boolean authentication = rest.endsWith(AUTHENTICATE);
        String id = authentication ? rest.substring(0, rest.length() - AUTHENTICATE.length()) : rest;
        CheckoutSessionView session = backend.page(id).orElse(null);
        if (session == null || id.contains("/")) {
            return html(404, page("Not found", "<p>No such payment page.</p>"));
        }
        if ("GET".equals(method)) {
            return html(200, authentication ? authenticationPage(session) : paymentPage(session, null));
        }
        if (!"POST".equals(method)) {
            return html(405, page("Method not allowed", "<p>GET or POST.</p>"));
        }
        FormParams form = FormParams.parse(body);
        CheckoutStep step;
        if (authentication) {
            step = backend.authenticateCheckout(id, "complete".equals(form.get("action")));
        } else {
            step = backend.submitCheckout(id, form.get("card"), "decline".equals(form.get("action")));
        }
        webhooks.flush();
        if (step.next() == CheckoutStep.Next.SHOW) {
            return html(200, paymentPage(backend.page(id).orElseThrow(), step.message()));
        }
        return ResponseDefinitionBuilder.responseDefinition().withStatus(303).withHeader("Location", step.url())
                .withHeader("Cache-Control", "no-store").build();
    }

    private static String paymentPage(CheckoutSessionView session, String message) {
        StringBuilder body = new StringBuilder();
        if (message != null) {
            body.append("<p role=\"alert\" data-test=\"checkout-error\">").append(escape(message)).append("</p>\n");
        }
        if (!session.status().equals("open")) {
            body.append("<p data-test=\"checkout-status\">").append(escape(session.status())).append("</p>\n");
            return page("Payment page", body.toString());
        }
        boolean setup = session.mode().equals("setup");
        String amount = setup ? null : amount(session);
        body.append(setup ? "<p>Save a card for later payments.</p>\n"
                : "<p data-test=\"checkout-amount\">" + escape(amount) + "</p>\n");
        body.append("<form method=\"post\" action=\"").append(PATH).append(escape(session.id())).append("\">\n")
                .append("<label for=\"card\">Card number</label>\n")
                .append("<input id=\"card\" name=\"card\" inputmode=\"numeric\" autocomplete=\"cc-number\"")
                .append(" value=\"4242 4242 4242 4242\" data-test=\"checkout-card\">\n")
                .append("<button type=\"submit\" name=\"action\" value=\"pay\" data-test=\"checkout-pay\">")
                .append(setup ? "Save card" : "Pay " + escape(amount)).append("</button>\n")
                .append("<button type=\"submit\" name=\"action\" value=\"decline\" data-test=\"checkout-decline\">")
                .append("Decline</button>\n</form>\n");
        if (session.cancelUrl() != null) {
            body.append("<p><a href=\"").append(escape(session.cancelUrl()))
                    .append("\" data-test=\"checkout-cancel\">Back</a></p>\n");
        }
        return page(setup ? "Save a card" : "Pay", body.toString());
    }

    private static String authenticationPage(CheckoutSessionView session) {
        String body = "<p>Your bank asks you to confirm this payment (3-D Secure test page).</p>\n"
                + "<form method=\"post\" action=\"" + PATH + escape(session.id()) + AUTHENTICATE + "\">\n"
                + "<button type=\"submit\" name=\"action\" value=\"complete\" data-test=\"checkout-authenticate\">"
                + "Complete authentication</button>\n"
                + "<button type=\"submit\" name=\"action\" value=\"fail\" data-test=\"checkout-fail-authentication\">"
                + "Fail authentication</button>\n</form>\n";
        return page("3-D Secure", body);
    }

    /** The amount as the customer reads it: {@code 50.00 EUR}, {@code 5000 ISK}. */
    private static String amount(CheckoutSessionView session) {
        String code = session.currency().toUpperCase(Locale.ROOT);
        int digits = Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
        return BigDecimal.valueOf(session.isoAmount(), digits).toPlainString() + " " + code;
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + escape(title)
                + " – Stripe fake</title></head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body
                + "</body>\n</html>\n";
    }

    private static ResponseDefinition html(int status, String html) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withHeader("Cache-Control", "no-store")
                .withBody(html).build();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
