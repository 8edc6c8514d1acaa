package dev.kassa.plugin.paypal;

import dev.kassa.api.payment.CredentialField;
import dev.kassa.api.payment.CredentialProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The credentials a tenant enters for PayPal, and the format checks on them (no network calls). */
final class PayPalCredentials {
    static final String CLIENT_ID = "clientId";
    static final String CLIENT_SECRET = "clientSecret";
    static final String WEBHOOK_ID = "webhookId";
    static final String ENVIRONMENT = "environment";
    /** Optional: the account's merchant id (PayPal's "payer id" of the business account). */
    static final String MERCHANT_ID = "merchantId";
    /** Optional: {@code offline} (the default) or {@code api}, how webhooks are verified. */
    static final String WEBHOOK_VERIFICATION = "webhookVerification";
    static final String OFFLINE = "offline";
    static final String API = "api";

    static final String SANDBOX = "sandbox";
    static final String LIVE = "live";

    static final String INVALID = "credential.invalid";

    // PayPal's client ids and secrets are 80 characters of letters, digits, '-' and '_' today; the
    // bounds are loose so that a longer format does not lock tenants out.
    private static final Pattern CLIENT = Pattern.compile("[A-Za-z0-9_-]{20,200}");
    private static final Pattern WEBHOOK = Pattern.compile("[A-Za-z0-9]{6,50}");
    private static final Pattern MERCHANT = Pattern.compile("[A-Z0-9]{8,20}");

    private PayPalCredentials() {
    }

    static List<CredentialField> fields() {
        return List.of(
                CredentialField.visible(CLIENT_ID, "Client ID of the PayPal REST app", true),
                CredentialField.secret(CLIENT_SECRET, "Secret of the PayPal REST app"),
                CredentialField.visible(WEBHOOK_ID, "Webhook ID (from the app's webhook settings)", true),
                CredentialField.visible(ENVIRONMENT, "Environment: sandbox or live", true),
                CredentialField.visible(MERCHANT_ID, "Merchant ID of the PayPal business account (optional)", false),
                CredentialField.visible(WEBHOOK_VERIFICATION,
                        "Webhook verification: offline (default) or api (PayPal's verify API)", false));
    }

    static Map<String, String> normalize(Map<String, String> credentials) {
        Map<String, String> normalized = new java.util.HashMap<>();
        credentials.forEach((name, value) -> normalized.put(name, value == null ? null : value.trim()));
        String environment = normalized.get(ENVIRONMENT);
        if (environment != null) {
            normalized.put(ENVIRONMENT, environment.toLowerCase(Locale.ROOT));
        }
        String verification = normalized.get(WEBHOOK_VERIFICATION);
        if (verification != null) {
            normalized.put(WEBHOOK_VERIFICATION, verification.toLowerCase(Locale.ROOT));
        }
        String merchant = normalized.get(MERCHANT_ID);
        if (merchant != null) {
            normalized.put(MERCHANT_ID, merchant.toUpperCase(Locale.ROOT));
        }
        return normalized;
    }

    static List<CredentialProblem> check(Map<String, String> credentials) {
        List<CredentialProblem> problems = new ArrayList<>();
        String clientId = credentials.get(CLIENT_ID);
        String secret = credentials.get(CLIENT_SECRET);
        String webhook = credentials.get(WEBHOOK_ID);
        String environment = credentials.get(ENVIRONMENT);
        String merchant = credentials.get(MERCHANT_ID);
        if (clientId != null && !CLIENT.matcher(clientId).matches()) {
            problems.add(new CredentialProblem(CLIENT_ID, INVALID,
                    "A PayPal client ID is the app's Client ID from the developer dashboard: letters, digits, - and _."));
        }
        if (secret != null && !CLIENT.matcher(secret).matches()) {
            problems.add(new CredentialProblem(CLIENT_SECRET, INVALID,
                    "A PayPal secret is the app's Secret from the developer dashboard: letters, digits, - and _."));
        }
        if (webhook != null && !WEBHOOK.matcher(webhook).matches()) {
            problems.add(new CredentialProblem(WEBHOOK_ID, INVALID,
                    "A PayPal webhook ID is letters and digits, as shown beside the webhook in the app's settings."));
        }
        if (environment != null && !environment.equals(SANDBOX) && !environment.equals(LIVE)) {
            problems.add(new CredentialProblem(ENVIRONMENT, INVALID, "The environment is sandbox or live."));
        }
        String verification = credentials.get(WEBHOOK_VERIFICATION);
        if (verification != null && !verification.isEmpty() && !verification.equals(OFFLINE)
                && !verification.equals(API)) {
            problems.add(new CredentialProblem(WEBHOOK_VERIFICATION, INVALID,
                    "Webhook verification is offline (the default) or api."));
        }
        if (merchant != null && !merchant.isEmpty() && !MERCHANT.matcher(merchant).matches()) {
            problems.add(new CredentialProblem(MERCHANT_ID, INVALID,
                    "A PayPal merchant ID is 8 to 20 capital letters and digits (Account settings, Business information)."));
        }
        return List.copyOf(problems);
    }
}
