package dev.kassa.server.web.constraint;

import dev.kassa.server.shared.Iso;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * The countries a payment method or a theme is offered in: ISO 3166-1 alpha-2 codes, each once
 * ({@code country.invalid}, {@code duplicate} on {@code countries[i]}), or {@code "*"} alone for
 * all ({@code invalid}); null passes.
 */
@Documented
@Constraint(validatedBy = Countries.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Countries {
    /** The one entry that stands for every country. */

    String message() default "invalid|is not a list of countries";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Countries, List<String>> {
        @Override
        public boolean isValid(List<String> countries, ConstraintValidatorContext context) {
            if (countries == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            if (countries.contains(Iso.ALL_COUNTRIES)) {
                if (countries.size() == 1) {
                    return true;
                }
                Violations.report(context, "invalid", "\"*\" stands alone: all countries");
                return false;
            }
            boolean valid = true;
            for (int i = 0; i < countries.size(); i++) {
                String code = null;
                String message = null;
                if (!Iso.isCountry(countries.get(i))) {
                    code = "country.invalid";
                    message = "must be an ISO 3166-1 alpha-2 code in upper case, such as DE";
                } else if (countries.subList(0, i).contains(countries.get(i))) {
                    code = "duplicate";
                    message = "is listed twice";
                }
                if (code != null) {
                    valid = false;
                    context.buildConstraintViolationWithTemplate(Violations.template(code, message))
                            .addBeanNode().inIterable().atIndex(i).addConstraintViolation();
                }
            }
            return valid;
        }
    }
}
