package org.awardinghub.query.assessment;

import java.util.List;

/**
 * Per item: how many marked attempts drew it, facility (proportion answering it right), discrimination (the
 * point-biserial correlation between answering it right and the attempt's total score; null when it cannot be
 * computed, e.g. everyone or no one right), and how often each of the bank item's options was chosen
 * ({@code optionCounts[i]} counts option {@code i} in the bank's order) or none was. Kept incrementally by a
 * projection; computed from running sums on reading.
 */
public record ItemStatistics(
        String assessmentCode, String centreId, long attempts, Double meanScore, List<Item> items) {

    public record Item(
            String itemId,
            long attempts,
            Double facility,
            Double discrimination,
            List<Long> optionCounts,
            long unanswered) {}
}
