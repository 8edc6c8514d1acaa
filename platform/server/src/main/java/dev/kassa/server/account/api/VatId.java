package dev.kassa.server.account.api;

import dev.kassa.server.account.api.AccountRequests.NewPayerRequest;
import dev.kassa.server.account.domain.VatIdFormat;
import dev.kassa.server.shared.Iso;
import dev.kassa.server.web.constraint.Violations;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A payer's {@code vatId} matches the VAT number format of its {@code country} ({@code vat_id.invalid}
 * on {@code vatId}); no VAT ID, or a country that is itself invalid, passes (the country's own
 * constraint reports that).
 */
@Documented
@Constraint(validatedBy = VatId.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface VatId {
    String message() default "vat_id.invalid|does not match the VAT number format of its country";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<VatId, NewPayerRequest> {
        @Override
        public boolean isValid(NewPayerRequest payer, ConstraintValidatorContext context) {
            if (payer == null || payer.vatId() == null || payer.vatId().isBlank() || payer.vatId().length() > 20
                    || payer.country() == null || !Iso.isCountry(payer.country())) {
                return true;
            }
            if (VatIdFormat.matches(payer.country(), VatIdFormat.normalise(payer.vatId()))) {
                return true;
            }
            Violations.report(context, "vatId", "vat_id.invalid",
                    "does not match the VAT number format of " + payer.country());
            return false;
        }
    }
}
