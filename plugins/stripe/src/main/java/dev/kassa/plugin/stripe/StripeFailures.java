package dev.kassa.plugin.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeError;

/**
 * What a failed Stripe call means for the platform.
 *
 * <ul>
 * <li>{@link Kind#DECLINED}: Stripe answered and refused for good. A card error (the bank said
 *     no), and also an invalid request, a bad API key or a missing permission: asking again with
 *     the same request cannot succeed, so the attempt is over; the code says why
 *     ({@code invalid_request_error}, {@code authentication_error}, ...) and an operator or
 *     tenant admin fixes the configuration.</li>
 * <li>{@link Kind#UNKNOWN}: we do not know whether Stripe acted. A network error or timeout, a
 *     5xx, a rate limit or lock timeout (429), an idempotency conflict (the same key is in
 *     flight, or was used with other parameters). The platform asks again later.</li>
 * </ul>
 */
final class StripeFailures {

    /** How to report a failed call. */
    enum Kind {
        DECLINED,
        UNKNOWN
    }

    private StripeFailures() {
    }

    static Kind kind(StripeException e) {
        if (e instanceof CardException) {
            return Kind.DECLINED;
        }
        if (e instanceof ApiConnectionException || e instanceof RateLimitException
                || e instanceof IdempotencyException) {
            return Kind.UNKNOWN;
        }
        Integer status = e.getStatusCode();
        if (status == null || status >= 500 || status == 409 || status == 429) {
            return Kind.UNKNOWN;
        }
        if (e instanceof InvalidRequestException || e instanceof AuthenticationException
                || e instanceof PermissionException) {
            return Kind.DECLINED;
        }
        return Kind.UNKNOWN;
    }

    /** Whether Stripe says the object does not exist (HTTP 404, {@code resource_missing}). */
    static boolean isMissing(StripeException e) {
        return (e.getStatusCode() != null && e.getStatusCode() == 404) || "resource_missing".equals(e.getCode());
    }

    /**
     * The most specific stable code: the decline code, else Stripe's error code, else what the
     * exception says ({@code authentication_error}, {@code permission_error}, ...).
     */
    static String code(StripeException e) {
        StripeError error = e.getStripeError();
        if (error != null && error.getDeclineCode() != null) {
            return error.getDeclineCode();
        }
        if (error != null && error.getCode() != null) {
            return error.getCode();
        }
        if (e instanceof AuthenticationException) {
            return "authentication_error";
        }
        if (e instanceof PermissionException) {
            return "permission_error";
        }
        if (e instanceof CardException) {
            return "card_error";
        }
        if (e instanceof InvalidRequestException) {
            return "invalid_request_error";
        }
        if (error != null && error.getType() != null) {
            return error.getType();
        }
        return e.getCode() == null ? "api_error" : e.getCode();
    }

    static String code(StripeError error) {
        if (error.getDeclineCode() != null) {
            return error.getDeclineCode();
        }
        if (error.getCode() != null) {
            return error.getCode();
        }
        return error.getType();
    }

    /** Stripe's own message, without the request id and code that {@link StripeException#getMessage()} appends. */
    static String message(StripeException e) {
        StripeError error = e.getStripeError();
        if (error != null && error.getMessage() != null) {
            return error.getMessage();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    static String message(StripeError error) {
        return error.getMessage() != null ? error.getMessage() : code(error);
    }
}
