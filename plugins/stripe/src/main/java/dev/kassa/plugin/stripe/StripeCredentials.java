package dev.kassa.plugin.stripe;

import dev.kassa.api.payment.CredentialField;
import dev.kassa.api.payment.CredentialProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The credentials a tenant enters for Stripe, and the format checks on them (no network calls). */
final class StripeCredentials {
    static final String SECRET_KEY = "secretKey";
    static final String PUBLISHABLE_KEY = "publishableKey";
    static final String WEBHOOK_SECRET = "webhookSecret";

    static final String INVALID = "credential.invalid";
    static final String MODE_MISMATCH = "credential.mode_mismatch";

    private static final Pattern SECRET = Pattern.compile("(sk|rk)_[A-Za-z0-9_]{8,250}");
    private static final Pattern PUBLISHABLE = Pattern.compile("pk_[A-Za-z0-9_]{8,250}");
    private static final Pattern SIGNING = Pattern.compile("whsec_[A-Za-z0-9+/=_]{8,250}");

    private StripeCredentials() {
    }

    static List<CredentialField> fields() {
        return List.of(
                CredentialField.secret(SECRET_KEY, "Secret key (sk_… or restricted rk_…)"),
                CredentialField.visible(PUBLISHABLE_KEY, "Publishable key (pk_…)", true),
                CredentialField.secret(WEBHOOK_SECRET, "Webhook signing secret (whsec_…)"));
    }

    static List<CredentialProblem> check(Map<String, String> credentials) {
        List<CredentialProblem> problems = new ArrayList<>();
        String secret = credentials.get(SECRET_KEY);
        String publishable = credentials.get(PUBLISHABLE_KEY);
        String signing = credentials.get(WEBHOOK_SECRET);
        if (secret != null && !SECRET.matcher(secret).matches()) {
            problems.add(new CredentialProblem(SECRET_KEY, INVALID,
                    "A Stripe secret key starts with sk_ (or rk_ for a restricted key)."));
        }
        if (publishable != null && !PUBLISHABLE.matcher(publishable).matches()) {
            problems.add(new CredentialProblem(PUBLISHABLE_KEY, INVALID, "A Stripe publishable key starts with pk_."));
        }
        if (signing != null && !SIGNING.matcher(signing).matches()) {
            problems.add(new CredentialProblem(WEBHOOK_SECRET, INVALID,
                    "A Stripe webhook signing secret starts with whsec_."));
        }
        if (problems.isEmpty() && secret != null && publishable != null && isLive(secret) != isLive(publishable)) {
            problems.add(new CredentialProblem(PUBLISHABLE_KEY, MODE_MISMATCH,
                    "The secret key and the publishable key must both be test keys or both be live keys."));
        }
        return List.copyOf(problems);
    }

    private static boolean isLive(String key) {
        return key.contains("_live_");
    }
}
