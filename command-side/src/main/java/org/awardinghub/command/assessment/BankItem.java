package org.awardinghub.command.assessment;

import java.util.List;

/**
 * A multiple-choice item of an assessment's bank, as forms are drawn from it: its options in bank order (an
 * option's index is what {@link org.awardinghub.events.assessment.AttemptStarted.Option#itemOption()} records).
 * Deliberately without the answer key, which only {@link ItemDirectory#answerKey} gives, for marking.
 */
public record BankItem(String itemId, String stem, List<String> options) {

    public BankItem {
        options = List.copyOf(options);
    }
}
