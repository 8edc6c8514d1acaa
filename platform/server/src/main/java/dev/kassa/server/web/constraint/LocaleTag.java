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

/** A locale such as {@code en} or {@code fr-CA} ({@code locale.invalid}); null passes. */
@Documented
@Constraint(validatedBy = LocaleTag.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface LocaleTag {
    /** The code of a value that is not a locale: {@code locale.invalid}, or {@code invalid} where that was the first code. */
    String code() default "locale.invalid";


    String message() default "invalid|is invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<LocaleTag, String> {
        private String code;

        @Override
        public void initialize(LocaleTag annotation) {
            code = annotation.code();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || !TextRules.check(value, 16, context)) {
                return value == null;
            }
            if (!Iso.isLocale(value)) {
                Violations.report(context, code, "must be a locale such as \"en\" or \"fr\"");
                return false;
            }
            return true;
        }
    }
}
