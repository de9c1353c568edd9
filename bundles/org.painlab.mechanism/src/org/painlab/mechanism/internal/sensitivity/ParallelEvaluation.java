package org.painlab.mechanism.internal.sensitivity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.painlab.mechanism.sensitivity.Response;
import org.painlab.mechanism.sensitivity.SensitivityException;

/**
 * Evaluates a response at many points on a fixed number of threads. Each result goes to its point's index,
 * so the outputs do not depend on the number of threads or on which thread finished first.
 */
public final class ParallelEvaluation {
    private final int threads;

    /** @param threads worker threads (at least 1) */
    public ParallelEvaluation(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** The processors of this machine: what a run uses unless told otherwise. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param response the function
     * @param points the points, in the order of the results
     * @param monitor cancellation (may be null)
     * @return response at each point
     * @throws SensitivityException when the response fails at a point (that failure is reported)
     */
    public double[] evaluate(Response response, double[][] points, IProgressMonitor monitor) throws SensitivityException {
        double[] out = new double[points.length];
        if (threads == 1) {
            for (int i = 0; i < points.length; i++) {
                cancelled(monitor);
                out[i] = response.at(points[i]);
            }
            return out;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "painlab-sensitivity");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    // small chunks taken in turn: balances slow and fast simulations
                    for (int start = next.getAndAdd(16); start < points.length; start = next.getAndAdd(16)) {
                        cancelled(monitor);
                        for (int i = start; i < Math.min(points.length, start + 16); i++) {
                            out[i] = response.at(points[i]);
                        }
                    }
                    return null;
                }));
            }
            SensitivityException first = null;
            for (Future<Void> f : workers) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof OperationCanceledException c) {
                        throw c;
                    }
                    SensitivityException s = e.getCause() instanceof SensitivityException x ? x
                            : new SensitivityException(String.valueOf(e.getCause()), e.getCause());
                    first = first == null ? s : first;
                    next.set(points.length);
                }
            }
            if (first != null) {
                throw first;
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void cancelled(IProgressMonitor monitor) {
        if (monitor != null && monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }
}
