package org.awardinghub.command.assessment;

import java.util.ArrayList;
import java.util.List;
import org.awardinghub.events.assessment.AttemptStarted;

/**
 * What an attempt keeps of one question of its form: the bank item, and for each option letter shown (in the
 * order shown) the option's index in the bank item. Stems and texts stay in the event.
 */
record FormQuestion(String questionId, String itemId, List<String> optionIds, List<Integer> itemOptions) {

    FormQuestion {
        optionIds = List.copyOf(optionIds);
        itemOptions = List.copyOf(itemOptions);
    }

    static FormQuestion of(AttemptStarted.Question question) {
        List<String> optionIds = new ArrayList<>();
        List<Integer> itemOptions = new ArrayList<>();
        for (AttemptStarted.Option option : question.options()) {
            optionIds.add(option.optionId());
            itemOptions.add(option.itemOption());
        }
        return new FormQuestion(question.questionId(), question.itemId(), optionIds, itemOptions);
    }

    boolean offers(String optionId) {
        return optionIds.contains(optionId);
    }

    /** The bank index of the option shown as {@code optionId}; null for null. */
    Integer itemOptionOf(String optionId) {
        int shown = optionId == null ? -1 : optionIds.indexOf(optionId);
        return shown < 0 ? null : itemOptions.get(shown);
    }

    int optionCount() {
        return optionIds.size();
    }
}
