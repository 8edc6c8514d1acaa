package dev.kassa.api.payment;

/** A webhook that is not from the gateway, or too old: wrong or missing signature, timestamp out of tolerance. */
public class InvalidWebhookException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidWebhookException(String message) {
        super(message);
    }

    public InvalidWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
