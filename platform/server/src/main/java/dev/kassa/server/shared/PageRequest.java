package dev.kassa.server.shared;

/** {@code limit} (1..200, default 50) and {@code after} (a cursor from a previous page). */
public record PageRequest(int limit, String after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Parses the query parameters; a bad limit or cursor is a 422 naming the parameter. */
    public static PageRequest of(String limit, String after, String idPrefix) {
        int n = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_LIMIT) {
                throw KassaException.invalid("limit", "invalid", "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        if (after != null && !Ids.looksLike(after, idPrefix)) {
            throw KassaException.invalid("after", "invalid", "is not a cursor from this list");
        }
        return new PageRequest(n, after);
    }
}
