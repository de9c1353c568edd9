package org.painlab.imaging.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.io.JsonText;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;
import org.painlab.imaging.synth.CohortSimulator;
import org.painlab.imaging.synth.PlannedScan;
import org.painlab.imaging.synth.SimulatedScan;

/**
 * Puts a simulated imaging study into a study: plans the cohort, simulates the volumes on every core and
 * stores them with their masks, MRI grades and true fat fractions (source {@code simulated}) in one step.
 * Subjects are named {@code US001}, {@code US002}, ...; adding to a study that has some continues after the
 * highest number. The seed, cohort and ultrasound model go into the audit trail.
 *
 * @since 0.1
 */
public final class SimulatedStudy {
    private static final Pattern SUBJECT = Pattern.compile("US(\\d+)");
    private final CohortSimulator simulator;

    /** @param simulator the cohort and ultrasound models */
    public SimulatedStudy(CohortSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * What was added.
     *
     * @param patients the subjects added
     * @param volumes  the images added (each with its mask)
     * @param grades   volumes per MRI grade
     * @param fatty    volumes labelled fatty
     * @param seed     the seed used
     */
    public record Summary(List<String> patients, int volumes, Map<Integer, Integer> grades, int fatty, long seed) {
    }

    /**
     * @param study    an open, writable study
     * @param patients how many patients
     * @param seed     the seed (the same seed and models give the same voxels)
     * @param actor    who adds them
     * @param monitor  progress (one unit per volume) and cancellation (nothing is added then)
     * @throws StudyException the study cannot be written
     */
    public Summary addTo(Study study, int patients, long seed, String actor, IProgressMonitor monitor) throws StudyException {
        ImagingStore store = new ImagingStore(study);
        int offset = 0;
        for (String s : store.subjects()) {
            Matcher m = SUBJECT.matcher(s);
            if (m.matches() && m.group(1).length() < 9) {
                offset = Math.max(offset, Integer.parseInt(m.group(1)));
            }
        }
        List<PlannedScan> plan = simulator.plan(patients, seed);
        SubMonitor sub = SubMonitor.convert(monitor, "Simulating " + plan.size() + " ultrasound volumes", plan.size());
        int first = offset;
        List<String> ids = new ArrayList<>();
        for (int p = 1; p <= patients; p++) {
            ids.add(subjectId(first + p));
        }
        Map<Integer, Integer> grades = new TreeMap<>();
        int fatty = 0;
        for (PlannedScan s : plan) {
            grades.merge(s.mriGrade(), 1, Integer::sum);
            fatty += s.mriGrade() >= simulator.cohort().fattyFromGrade() ? 1 : 0;
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "imaging-synth");
            t.setDaemon(true);
            return t;
        });
        try {
            Iterable<NewVolume> volumes = () -> new Ahead(plan, pool, 2 * threads, first, sub);
            List<StoredVolume> stored = store.addAll(volumes, actor);
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("seed", seed);
            what.put("patients", patients);
            what.put("subjects", ids.get(0) + ".." + ids.get(ids.size() - 1));
            what.put("cohort", simulator.cohort().describe());
            what.put("ultrasound", simulator.model().describe());
            study.transaction(c -> {
                new AuditLog(c).append(AuditEntry.of(actor == null ? System.getProperty("user.name", "unknown") : actor,
                        "simulate", "imaging", ids.get(0), "volumes", null, Integer.toString(stored.size()),
                        JsonText.write(what)));
                return null;
            });
            return new Summary(ids, stored.size(), grades, fatty, seed);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code US} and the number, three digits at least. */
    public static String subjectId(int number) {
        return String.format("US%03d", number);
    }

    /** Yields the planned scans in order while simulating a few ahead on the pool. */
    private final class Ahead implements Iterator<NewVolume> {
        private final List<PlannedScan> plan;
        private final ExecutorService pool;
        private final int window;
        private final int offset;
        private final SubMonitor monitor;
        private final Deque<Future<SimulatedScan>> inFlight = new ArrayDeque<>();
        private int submitted;
        private int yielded;

        Ahead(List<PlannedScan> plan, ExecutorService pool, int window, int offset, SubMonitor monitor) {
            this.plan = plan;
            this.pool = pool;
            this.window = window;
            this.offset = offset;
            this.monitor = monitor;
        }

        @Override
        public boolean hasNext() {
            return yielded < plan.size();
        }

        @Override
        public NewVolume next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            while (submitted < plan.size() && inFlight.size() < window) {
                PlannedScan p = plan.get(submitted++);
                inFlight.add(pool.submit(() -> simulator.simulate(p)));
            }
            PlannedScan p = plan.get(yielded++);
            SimulatedScan scan;
            try {
                scan = inFlight.removeFirst().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationCanceledException();
            } catch (ExecutionException e) {
                throw new IllegalStateException("simulating " + subjectId(offset + p.patient()) + " " + p.site() + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
            monitor.worked(1);
            return new NewVolume(subjectId(offset + p.patient()), p.site(), scan.image(), scan.mask(), p.mriGrade(),
                    p.fatFraction(), "simulated", null);
        }
    }
}
