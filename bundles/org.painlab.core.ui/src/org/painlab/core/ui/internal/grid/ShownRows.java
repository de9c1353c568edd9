package org.painlab.core.ui.internal.grid;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.painlab.core.ui.grid.ColumnSpec;

/**
 * The rows a grid shows: the loaded rows, filtered and sorted, as an index array over them.
 * Filtering and sorting never run on the UI thread: a change of filter or sort only records
 * what is asked and schedules a job; the job computes the new index array (reusing the sorted
 * order when only the filter changed, and the matches when only the sort changed), then swaps
 * it in at once and tells the listener. Painting reads whichever {@link View} is current: a
 * finished, unchanging snapshot, so it never waits and never sees a half-sorted list. A
 * computation whose request has been overtaken by a newer one stops early and is dropped.
 *
 * @param <R> the row type
 */
public final class ShownRows<R> {
    /** One sort column: its index among the grid's columns and its direction. */
    public record SortKey(int column, boolean ascending) {
    }

    /**
     * What is shown: {@code order[i]} is the position in {@code rows} of the i-th shown row.
     * Never changed once published.
     */
    public static final class View {
        private final Object[] rows;
        private final int[] order;

        View(Object[] rows, int[] order) {
            this.rows = rows;
            this.order = order;
        }

        /** Number of shown rows. */
        public int size() {
            return order.length;
        }

        /** Number of loaded rows (before filtering). */
        public int loaded() {
            return rows.length;
        }

        /** The i-th shown row, or null outside the view. */
        @SuppressWarnings("unchecked")
        public <R> R get(int i) {
            return i >= 0 && i < order.length ? (R) rows[order[i]] : null;
        }

        /** Shown position of {@code row} (by identity, then equality), or -1. */
        public int indexOf(Object row) {
            for (int i = 0; i < order.length; i++) {
                if (rows[order[i]] == row) {
                    return i;
                }
            }
            for (int i = 0; i < order.length; i++) {
                if (Objects.equals(rows[order[i]], row)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** What the user asked for; a new instance for every change, compared by identity. */
    private record Request(Object[] rows, Predicate<Object> filter, List<SortKey> sort) {
    }

    private static final View EMPTY = new View(new Object[0], new int[0]);

    private final List<ColumnSpec<R>> columns;
    private final AtomicReference<Request> latest = new AtomicReference<>(new Request(new Object[0], null, List.of()));
    private volatile View view = EMPTY;
    private Request shownFor;
    private final Object computing = new Object();
    private final Job job;
    private volatile Runnable onShown = () -> { };
    // caches of the last computation, touched only while holding `computing`
    private Object[] sortedRows;
    private List<SortKey> sortedBy;
    private int[] sortedOrder;
    private Object[] matchedRows;
    private Predicate<Object> matchedBy;
    private BitSet matches;

    /**
     * @param columns   the grid's columns (sort keys are read through them)
     * @param jobName   what the progress view calls the filter and sort job
     * @param jobFamily family the job belongs to, so callers can join it
     */
    public ShownRows(List<ColumnSpec<R>> columns, String jobName, Object jobFamily) {
        this.columns = List.copyOf(columns);
        this.job = new Job(jobName) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                compute(latest.get());
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == jobFamily;
            }
        };
        job.setSystem(true);
        job.setPriority(Job.SHORT);
    }

    /** Called, on the thread that computed it, each time a new view is swapped in. */
    public void onShown(Runnable listener) {
        onShown = Objects.requireNonNull(listener);
    }

    /** The view to paint from now. */
    public View view() {
        return view;
    }

    /**
     * Replaces the loaded rows and computes the new view in the calling thread (filter and
     * sort in effect apply): call it from a job for large row sets.
     */
    public void setRows(List<? extends R> rows) {
        Object[] copy = rows.toArray();
        Request r = latest.updateAndGet(old -> new Request(copy, old.filter(), old.sort()));
        compute(r);
    }

    /** Shows only the rows {@code filter} accepts (null: all), computed in the job. */
    @SuppressWarnings("unchecked")
    public void setFilter(Predicate<? super R> filter) {
        Predicate<Object> f = filter == null ? null : o -> ((Predicate<Object>) filter).test(o);
        latest.updateAndGet(old -> new Request(old.rows(), f, old.sort()));
        job.schedule();
    }

    /** Sorts by the keys, first key first (empty: load order), computed in the job. */
    public void setSort(List<SortKey> keys) {
        List<SortKey> k = List.copyOf(keys);
        latest.updateAndGet(old -> new Request(old.rows(), old.filter(), k));
        job.schedule();
    }

    private void compute(Request r) {
        View v;
        synchronized (computing) {
            if (latest.get() != r || shownFor == r) {
                return; // overtaken (whoever made the newer request computes it), or done already
            }
            try {
                v = new View(r.rows(), order(r));
            } catch (CancellationException overtaken) {
                return;
            }
            if (latest.get() != r) {
                return;
            }
            view = v;
            shownFor = r;
        }
        onShown.run();
    }

    private int[] order(Request r) {
        int[] sorted = sorted(r);
        BitSet keep = matches(r);
        if (keep == null) {
            return sorted;
        }
        int[] out = new int[keep.cardinality()];
        int n = 0;
        for (int i : sorted) {
            if (keep.get(i)) {
                out[n++] = i;
            }
        }
        return out;
    }

    private int[] sorted(Request r) {
        if (sortedRows == r.rows() && Objects.equals(sortedBy, r.sort())) {
            return sortedOrder;
        }
        Object[] rows = r.rows();
        int[] order;
        if (r.sort().isEmpty()) {
            order = new int[rows.length];
            Arrays.setAll(order, i -> i);
        } else {
            Object[][] keys = new Object[r.sort().size()][];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = values(rows, r.sort().get(k).column(), r);
            }
            Integer[] boxed = new Integer[rows.length];
            Arrays.setAll(boxed, i -> i);
            List<SortKey> sort = r.sort();
            int[] compares = { 0 };
            // TimSort is stable: rows equal on every key keep their load order
            Arrays.sort(boxed, (a, b) -> {
                if ((++compares[0] & 0x3FFF) == 0 && latest.get() != r) {
                    throw new CancellationException();
                }
                for (int k = 0; k < keys.length; k++) {
                    int c = CellText.compare(keys[k][a], keys[k][b]);
                    if (c != 0) {
                        return sort.get(k).ascending() ? c : -c;
                    }
                }
                return 0;
            });
            order = new int[rows.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = boxed[i];
            }
        }
        sortedRows = rows;
        sortedBy = r.sort();
        sortedOrder = order;
        return order;
    }

    @SuppressWarnings("unchecked")
    private Object[] values(Object[] rows, int column, Request r) {
        ColumnSpec<R> c = columns.get(column);
        Object[] out = new Object[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if ((i & 0x3FFF) == 0 && latest.get() != r) {
                throw new CancellationException();
            }
            out[i] = c.value().apply((R) rows[i]);
        }
        return out;
    }

    private BitSet matches(Request r) {
        if (r.filter() == null) {
            return null;
        }
        if (matchedRows == r.rows() && matchedBy == r.filter()) {
            return matches;
        }
        Object[] rows = r.rows();
        BitSet keep = new BitSet(rows.length);
        for (int i = 0; i < rows.length; i++) {
            if ((i & 0x3FFF) == 0 && latest.get() != r) {
                throw new CancellationException();
            }
            if (r.filter().test(rows[i])) {
                keep.set(i);
            }
        }
        matchedRows = rows;
        matchedBy = r.filter();
        matches = keep;
        return keep;
    }
}
