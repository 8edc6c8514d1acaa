package dev.kassa.server.web.constraint;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a gateway's hosted page may send a customer's browser back to ({@code url.invalid}): an
 * absolute {@code https} URL with a host and no user name or password in it, at most
 * {@value Check#MAX} characters; {@code http} only for {@code localhost}, {@code *.localhost} and
 * {@code 127.0.0.1}, for development. Null passes.
 *
 * <p>A customer's payment page hands this URL to their browser: plain {@code http} elsewhere would
 * let the network see and change where they land, and credentials in a URL invite lookalikes.
 */
@Documented
@Constraint(validatedBy = ReturnUrl.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReturnUrl {

    String message() default "invalid|is invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ReturnUrl, String> {
        static final int MAX = 2000;
        private static final String CODE = "url.invalid";

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!TextRules.isText(value) || value.isBlank()) {
                return TextRules.check(value, MAX, context);
            }
            String why = problem(value);
            if (why != null) {
                Violations.report(context, CODE, why);
                return false;
            }
            return true;
        }

        /** What is wrong with {@code value}, or null when it is a URL a browser may be sent to. */
        static String problem(String value) {
            if (value.length() > MAX) {
                return "must be a URL of at most " + MAX + " characters";
            }
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                return "must be an absolute https URL";
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.isOpaque() || host.isEmpty()) {
                return "must be an absolute https URL";
            }
            if (uri.getRawUserInfo() != null) {
                return "must not carry a user name or password";
            }
            if (scheme.equals("https")) {
                return null;
            }
            if (scheme.equals("http") && isLoopback(host)) {
                return null;
            }
            return "must be an absolute https URL (http only for localhost)";
        }

        private static boolean isLoopback(String host) {
            return host.equals("localhost") || host.endsWith(".localhost") || host.equals("127.0.0.1");
        }
    }
}
