package org.awardinghub.command.assessment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the command side knows of the published item bank: each assessment's rules, its items and their answer key,
 * as of the transaction that changed it. Read-only: kept from the events by {@link ItemDirectoryTable}, in the
 * transaction that stores them.
 */
public interface ItemDirectory {

    Optional<AssessmentRules> rules(String assessmentCode);

    /** The assessment's items in bank order, each with its options in bank order; empty for an unknown code. */
    List<BankItem> items(String assessmentCode);

    /** The 0-based index of the right option of each of the items; items not in any bank are left out. */
    Map<String, Integer> answerKey(Collection<String> itemIds);
}
