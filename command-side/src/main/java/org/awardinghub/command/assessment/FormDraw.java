package org.awardinghub.command.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.awardinghub.events.assessment.AttemptStarted;

/**
 * Draws an attempt's form from the item bank: which items, in which order, and each item's options in which
 * order. Pure and deterministic: the seed recorded in {@code AttemptStarted} and the bank give the same form
 * again, years later, for an investigator. For that reason the shuffle is written out here (Fisher–Yates over
 * {@link Random}, whose generator the Java specification fixes) instead of relying on
 * {@code Collections.shuffle}, whose algorithm the JDK does not promise to keep.
 */
public final class FormDraw {

    private FormDraw() {}

    /**
     * A form of {@code questionCount} questions (the whole bank, shuffled, if it is smaller; publication ensures
     * it never is): the bank shuffled with {@code new Random(seed)}, its first items taken, then each drawn item's
     * options shuffled with the same generator, in form order. Questions are Q1, Q2, ... in form order; options
     * A, B, ... in the order shown, each with its index in the bank item.
     */
    public static List<AttemptStarted.Question> draw(List<BankItem> bank, int questionCount, long seed) {
        if (questionCount < 1) {
            throw new IllegalArgumentException("a form has at least one question, not " + questionCount);
        }
        Random random = new Random(seed);
        List<BankItem> items = new ArrayList<>(bank);
        shuffle(items, random);
        int size = Math.min(questionCount, items.size());
        List<AttemptStarted.Question> form = new ArrayList<>(size);
        for (int q = 0; q < size; q++) {
            BankItem item = items.get(q);
            List<Integer> order = new ArrayList<>(item.options().size());
            for (int index = 0; index < item.options().size(); index++) {
                order.add(index);
            }
            shuffle(order, random);
            List<AttemptStarted.Option> options = new ArrayList<>(order.size());
            for (int shown = 0; shown < order.size(); shown++) {
                int index = order.get(shown);
                options.add(new AttemptStarted.Option(
                        optionId(shown), index, item.options().get(index)));
            }
            form.add(new AttemptStarted.Question(questionId(q), item.itemId(), item.stem(), List.copyOf(options)));
        }
        return List.copyOf(form);
    }

    /** Q1, Q2, ... for the 0-based place on the form. */
    static String questionId(int place) {
        return "Q" + (place + 1);
    }

    /** A, B, ... for the 0-based place among the options shown (at most six options, so never past Z). */
    static String optionId(int place) {
        return String.valueOf((char) ('A' + place));
    }

    /** Fisher–Yates, from the last place down: each place takes a uniform draw among those not yet fixed. */
    private static <T> void shuffle(List<T> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T kept = list.get(i);
            list.set(i, list.get(j));
            list.set(j, kept);
        }
    }
}
