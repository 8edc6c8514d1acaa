package dev.kassa.server.web;

import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code {"items": [...], "next": "<cursor>" | null}}. */
public record Page<T>(List<T> items, String next) {
    /** A whole list in one page: for lists short by nature, such as a top-up's refunds. */
    public static <T> Page<T> all(List<T> items) {
        return new Page<>(List.copyOf(items), null);
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), next);
    }

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only tells that there is
     * more, and the cursor is the id of the last row shown.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> id) {
        if (rows.size() > limit) {
            List<T> shown = rows.subList(0, limit);
            return new Page<>(List.copyOf(shown), id.apply(shown.get(limit - 1)));
        }
        return new Page<>(List.copyOf(rows), null);
    }
}
