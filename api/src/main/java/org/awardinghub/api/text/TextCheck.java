package org.awardinghub.api.text;

import jakarta.validation.ConstraintValidatorContext;
import org.awardinghub.command.Text;

/**
 * Both constraints ask the command side's rule, and answer with its message, which names the character. White space
 * around the value is not judged: the command side trims it before it keeps the value.
 */
final class TextCheck {

    private TextCheck() {}

    static boolean isValid(String value, boolean severalLines, ConstraintValidatorContext context) {
        String refusal = Text.refusal(value == null ? null : value.strip(), severalLines);
        if (refusal == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // the message holds no braces or dollar signs, so it is taken literally, not as a template
        context.buildConstraintViolationWithTemplate(refusal).addConstraintViolation();
        return false;
    }
}
