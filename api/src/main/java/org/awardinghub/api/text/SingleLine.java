package org.awardinghub.api.text;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.awardinghub.command.Text;

/**
 * Text on one line (a name, title, subject, code, email address): no control character, line break or invisible
 * formatting character (ADR 0139). The command side keeps the same rule ({@link Text}); checked here too, so that
 * the answer names the field as the JSON has it. Null is valid: {@code @NotBlank} says whether it is required.
 */
@Documented
@Constraint(validatedBy = SingleLine.Check.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface SingleLine {

    String message() default "may not hold control characters, line breaks or invisible formatting characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<SingleLine, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return TextCheck.isValid(value, false, context);
        }
    }
}
