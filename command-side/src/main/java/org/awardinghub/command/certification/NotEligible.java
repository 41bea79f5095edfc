package org.awardinghub.command.certification;

import java.util.List;
import org.awardinghub.command.RuleViolation;

/**
 * The candidate cannot be claimed for (answered 409): every reason at once, each a full sentence, so that the centre
 * can put all of them right before it claims again. The message is the reasons joined.
 */
public class NotEligible extends RuleViolation {

    private final List<String> reasons;

    public NotEligible(List<String> reasons) {
        super(String.join(" ", requireSome(reasons)));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }

    private static List<String> requireSome(List<String> reasons) {
        if (reasons == null || reasons.isEmpty()) {
            throw new IllegalArgumentException("a candidate is not eligible for at least one reason");
        }
        return reasons;
    }
}
