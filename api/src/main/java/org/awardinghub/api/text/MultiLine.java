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
 * Text of several lines (a body, reply, description, feedback, reason, postal address): line feed, carriage return
 * and tab, but no other control character and no invisible formatting character (ADR 0139), as the command side
 * checks ({@link Text}). Null is valid.
 */
@Documented
@Constraint(validatedBy = MultiLine.Check.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface MultiLine {

    String message() default
            "may not hold control characters other than line breaks and tabs, nor invisible formatting characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<MultiLine, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return TextCheck.isValid(value, true, context);
        }
    }
}
