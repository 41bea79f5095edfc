package org.awardinghub.api;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.awardinghub.query.Page;
import org.springframework.http.ResponseEntity;

/**
 * A list the contract answers as a bare JSON array, paged when the caller asks: with {@code page} or {@code size}
 * the array holds that page (read as a page where the list is read: the read model's query, SQL, or cut from a list
 * that exists only whole, see ADR 0150), without either the whole list as before; the {@value #TOTAL_COUNT} header
 * carries how many there are in all either way, and the OpenAPI document declares it on every such list.
 */
public final class PagedArray {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private PagedArray() {}

    /**
     * @param pageOf the page the caller asked for, read as a page
     * @param all    the whole list, when the caller asked for no page
     * @param shown  each item as answered
     */
    public static <T, R> ResponseEntity<List<R>> answer(
            Integer page, Integer size, Function<Paging, Page<T>> pageOf, Supplier<List<T>> all, Function<T, R> shown) {
        return answerTogether(
                page, size, pageOf, all, items -> items.stream().map(shown).toList());
    }

    /**
     * As {@link #answer}, the items answered shown together: for items that need something read once for all of
     * them (the names of the people they mention), or a check of the list as a whole (empty: is there such a record).
     */
    public static <T, R> ResponseEntity<List<R>> answerTogether(
            Integer page,
            Integer size,
            Function<Paging, Page<T>> pageOf,
            Supplier<List<T>> all,
            Function<List<T>, List<R>> shown) {
        if (page == null && size == null) {
            List<T> items = all.get();
            return page(items.size(), shown.apply(items));
        }
        Page<T> found = pageOf.apply(Paging.of(page, size));
        return page(found.total(), shown.apply(found.items()));
    }

    /** The page's items as the array, and the number in all as {@value #TOTAL_COUNT}. */
    public static <R> ResponseEntity<List<R>> page(long total, List<R> items) {
        return ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(total)).body(items);
    }
}
