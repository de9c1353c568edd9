package org.painlab.trial.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.painlab.core.Study;
import org.painlab.trial.exchange.ImportOptions;
import org.painlab.trial.exchange.TrialExchange;
import org.painlab.trial.instrument.VasInstrument;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;

/**
 * The process {@link CrashRecoveryTest} kills with SIGKILL: it imports a large file, or
 * saves answers one by one and logs each save only after its commit returned.
 * Runs in a plain JVM (no OSGi), on the bundles' class path.
 */
public final class CrashWorker {
    private CrashWorker() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path studyDir = Path.of(args[1]);
        Path marker = Path.of(args[2]);
        try (Study study = TrialTestStudies.open(studyDir)) {
            // a plain JVM has no extension registry: this worker enters VAS answers and imports
            // columns of no instrument, so VAS is the one instrument it needs
            TrialStore store = new TrialStore(study, InstrumentCatalog.of(List.of(new VasInstrument())));
            if (mode.equals("import")) {
                Path csv = Path.of(args[3]);
                new TrialExchange(store).importFile(csv, ImportOptions.forFile(csv), new NullProgressMonitor() {
                    private boolean told;

                    @Override
                    public void worked(int work) {
                        if (!told) {
                            told = true;
                            write(marker, "importing\n");
                        }
                    }
                });
                write(marker, "import finished\n");
            } else {
                List<Subject> subjects = store.subjects();
                for (int round = 0;; round++) {
                    Subject s = subjects.get(round % subjects.size());
                    double value = (round % 100) / 10.0;
                    store.saveAnswers("crash-test", s.id(), "admission", "vas", Map.of("vas", value), "entry " + round);
                    write(marker, s.id() + "," + value + "\n");
                }
            }
        }
    }

    private static void write(Path marker, String line) {
        try {
            Files.writeString(marker, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
