package org.awardinghub.query;

import java.util.List;

/** One page of a list, as the API answers it: {@code {items, page, size, total}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /**
     * The page of a list already read whole, clamped like {@link ReadModelCollection#page}: for a list whose items
     * are not documents of their own (the entries of one document, or items gathered from several), which the store
     * cannot skip and limit.
     */
    public static <T> Page<T> slice(List<T> all, int page, int size) {
        Page<T> empty = ReadModelCollection.emptyPage(page, size);
        long from = Math.min((long) empty.page() * empty.size(), all.size());
        int to = (int) Math.min(from + empty.size(), all.size());
        return new Page<>(List.copyOf(all.subList((int) from, to)), empty.page(), empty.size(), all.size());
    }
}
