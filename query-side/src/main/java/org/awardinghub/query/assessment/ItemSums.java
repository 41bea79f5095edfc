package org.awardinghub.query.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * The stored form of one item-statistics document — running sums over marked attempts — and the arithmetic on
 * it: adding a marked attempt, taking a voided one away again, and turning the sums into {@link ItemStatistics}.
 *
 * <p>Per document: {@value #ATTEMPTS} and {@value #SCORE_SUM} (Σy). Per item (in {@value #ITEMS}, ordered by item
 * id), with x = 1 when the item was answered right and y = the attempt's score: {@value #N} (attempts that drew
 * it), {@value #SUM_X}, {@value #SUM_Y}, {@value #SUM_Y2}, {@value #SUM_XY}, {@value #OPTION_COUNTS} (indexed by
 * the option's place in the bank item, sized by the largest option count met) and {@value #UNANSWERED}. All
 * integers, so that subtracting a voided attempt restores exactly what was there before it.
 */
final class ItemSums {

    static final String ASSESSMENT_CODE = "assessmentCode";
    static final String CENTRE_ID = "centreId";
    static final String ATTEMPTS = "attempts";
    static final String SCORE_SUM = "scoreSum";
    static final String ITEMS = "items";
    static final String ITEM_ID = "itemId";
    static final String N = "n";
    static final String SUM_X = "sumX";
    static final String SUM_Y = "sumY";
    static final String SUM_Y2 = "sumY2";
    static final String SUM_XY = "sumXY";
    static final String OPTION_COUNTS = "optionCounts";
    static final String UNANSWERED = "unanswered";

    /** One mark as the statistics need it (the question's place on the form does not matter here). */
    record Mark(String itemId, Integer itemOption, int optionCount, boolean correct) {

        Document toDocument() {
            return new Document(ITEM_ID, itemId)
                    .append("itemOption", itemOption)
                    .append("optionCount", optionCount)
                    .append("correct", correct);
        }

        static Mark of(Document mark) {
            return new Mark(
                    mark.getString(ITEM_ID),
                    mark.getInteger("itemOption"),
                    mark.getInteger("optionCount", 0),
                    mark.getBoolean("correct", false));
        }
    }

    private ItemSums() {}

    /**
     * The document's next fields after adding ({@code sign} = 1) or taking away ({@code sign} = -1) one marked
     * attempt. {@code stored} is the document as it is, or null for none yet. An item no attempt draws any more is
     * dropped.
     */
    static Document count(
            Document stored, String assessmentCode, String centreId, int score, List<Mark> marks, int sign) {
        Map<String, Document> items = new TreeMap<>();
        if (stored != null) {
            stored.getList(ITEMS, Document.class, List.of())
                    .forEach(item -> items.put(item.getString(ITEM_ID), new Document(item)));
        }
        long y = score;
        for (Mark mark : marks) {
            Document item = items.computeIfAbsent(mark.itemId(), id -> emptyItem(id, mark.optionCount()));
            long x = mark.correct() ? 1 : 0;
            add(item, N, sign);
            add(item, SUM_X, sign * x);
            add(item, SUM_Y, sign * y);
            add(item, SUM_Y2, sign * y * y);
            add(item, SUM_XY, sign * x * y);
            if (mark.itemOption() == null) {
                add(item, UNANSWERED, sign);
            } else {
                List<Long> counts = longs(item.getList(OPTION_COUNTS, Number.class, List.of()));
                while (counts.size() < Math.max(mark.optionCount(), mark.itemOption() + 1)) {
                    counts.add(0L);
                }
                counts.set(mark.itemOption(), counts.get(mark.itemOption()) + sign);
                item.put(OPTION_COUNTS, counts);
            }
            if (item.get(N, Number.class).longValue() <= 0) {
                items.remove(mark.itemId());
            }
        }
        return new Document(ASSESSMENT_CODE, assessmentCode)
                .append(CENTRE_ID, centreId)
                .append(ATTEMPTS, value(stored, ATTEMPTS) + sign)
                .append(SCORE_SUM, value(stored, SCORE_SUM) + sign * y)
                .append(ITEMS, new ArrayList<>(items.values()));
    }

    /** The figures read from the sums; zero attempts and no items when there is no document. */
    static ItemStatistics report(String assessmentCode, String centreId, Document stored) {
        long attempts = value(stored, ATTEMPTS);
        if (stored == null || attempts <= 0) {
            return new ItemStatistics(assessmentCode, centreId, 0, null, List.of());
        }
        List<ItemStatistics.Item> items = stored.getList(ITEMS, Document.class, List.of()).stream()
                .sorted(Comparator.comparing(item -> item.getString(ITEM_ID)))
                .map(ItemSums::item)
                .toList();
        return new ItemStatistics(
                assessmentCode, centreId, attempts, (double) value(stored, SCORE_SUM) / attempts, items);
    }

    /**
     * The point-biserial correlation: Pearson's r of x (right or not) and y (the attempt's score), from the sums —
     * r = (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²)), where Σx² = Σx. Null with fewer than two attempts, or
     * when either varies not at all (everyone or no one right, or every score the same).
     */
    static Double pointBiserial(long n, long sumX, long sumY, long sumY2, long sumXY) {
        if (n < 2) {
            return null;
        }
        double varianceX = (double) n * sumX - (double) sumX * sumX;
        double varianceY = (double) n * sumY2 - (double) sumY * sumY;
        if (varianceX <= 0 || varianceY <= 0) {
            return null;
        }
        return ((double) n * sumXY - (double) sumX * sumY) / Math.sqrt(varianceX * varianceY);
    }

    private static ItemStatistics.Item item(Document item) {
        long n = item.get(N, Number.class).longValue();
        long sumX = value(item, SUM_X);
        return new ItemStatistics.Item(
                item.getString(ITEM_ID),
                n,
                n == 0 ? null : (double) sumX / n,
                pointBiserial(n, sumX, value(item, SUM_Y), value(item, SUM_Y2), value(item, SUM_XY)),
                List.copyOf(longs(item.getList(OPTION_COUNTS, Number.class, List.of()))),
                value(item, UNANSWERED));
    }

    private static Document emptyItem(String itemId, int optionCount) {
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < optionCount; i++) {
            counts.add(0L);
        }
        return new Document(ITEM_ID, itemId)
                .append(N, 0L)
                .append(SUM_X, 0L)
                .append(SUM_Y, 0L)
                .append(SUM_Y2, 0L)
                .append(SUM_XY, 0L)
                .append(OPTION_COUNTS, counts)
                .append(UNANSWERED, 0L);
    }

    private static void add(Document document, String key, long amount) {
        document.put(key, value(document, key) + amount);
    }

    private static long value(Document document, String key) {
        Number number = document == null ? null : document.get(key, Number.class);
        return number == null ? 0 : number.longValue();
    }

    private static List<Long> longs(List<Number> numbers) {
        List<Long> longs = new ArrayList<>();
        numbers.forEach(number -> longs.add(number.longValue()));
        return longs;
    }
}
