package dev.kassa.server.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * New rows of one kind that a stretch of work in a transaction makes, kept aside and written
 * together when the work returns, instead of one by one at the commit: for a billing run's batch,
 * which makes several outbox rows per renewal while it holds the tenant's invoice counter, one
 * statement for all of them is much cheaper. Outside {@link #collecting}, {@link #offer} declines
 * and the caller writes the row as it always does.
 *
 * <p>A JTA transaction belongs to one thread, so the thread stands for the transaction. Work that
 * throws leaves nothing written and nothing kept (its transaction is to roll back anyway); a
 * {@code collecting} inside another adds to the outer one, which writes them all.
 *
 * @param <T> the row's type
 */
public final class RowCollector<T> {
    private final ThreadLocal<List<T>> collected = new ThreadLocal<>();

    /** Keeps the row when this thread is collecting and answers true; else false, and the caller writes it. */
    public boolean offer(T row) {
        List<T> rows = collected.get();
        if (rows == null) {
            return false;
        }
        rows.add(row);
        return true;
    }

    /**
     * Runs {@code work}, then hands {@code write} every row offered meanwhile, in the order offered
     * (not called when there is none).
     */
    public <R> R collecting(Supplier<R> work, Consumer<List<T>> write) {
        if (collected.get() != null) {
            return work.get();
        }
        List<T> rows = new ArrayList<>();
        collected.set(rows);
        R result;
        try {
            result = work.get();
        } finally {
            collected.remove();
        }
        if (!rows.isEmpty()) {
            write.accept(rows);
        }
        return result;
    }
}
