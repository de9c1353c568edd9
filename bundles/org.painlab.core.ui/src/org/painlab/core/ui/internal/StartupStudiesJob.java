package org.painlab.core.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.painlab.core.NewStudy;
import org.painlab.core.StudyDemo;
import org.painlab.core.StudyDemos;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.ui.OpenStudies;

/**
 * Reopens the studies that were open at the last exit or, on a first start, creates
 * and opens the simulated demo study, off the UI thread.
 */
public final class StartupStudiesJob extends Job {
    static final String DEMO_ID = "snrb-peld";
    /** Job family, so tests and the shutdown can wait for the start-up opening to finish. */
    public static final Object FAMILY = new Object();
    private final OpenStudies studies;
    private final Display display;

    /**
     * Schedules the job once the display has dispatched the events pending now (the paint of the window
     * just opened); call on the UI thread.
     */
    static void scheduleAfterFirstPaint(OpenStudies studies, IWorkbench workbench) {
        Display display = workbench.getDisplay();
        display.asyncExec(() -> {
            // not when the workbench closes first (the start-up bench closes it at the first paint)
            if (!display.isDisposed() && !workbench.isClosing()) {
                new StartupStudiesJob(studies, display).schedule();
            }
        });
    }

    StartupStudiesJob(OpenStudies studies, Display display) {
        super("Opening studies");
        this.studies = studies;
        this.display = display;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, 10);
        List<Path> toOpen = new ArrayList<>();
        for (Path p : Preferences.rememberedStudies()) {
            if (Files.isDirectory(p)) {
                toOpen.add(p);
            }
        }
        List<IStatus> problems = new ArrayList<>();
        if (toOpen.isEmpty() && Preferences.openDemoOnStartup()) {
            try {
                toOpen.add(ensureDemo(sub.split(8)));
            } catch (StudyException e) {
                problems.add(Status.error("The demo study could not be created: " + e.getMessage(), e));
            }
        }
        // opened here, off the UI thread (opening reads and may upgrade a database); added on the UI thread
        List<Study> opened = new ArrayList<>();
        for (Path p : toOpen) {
            try {
                opened.add(Study.open(p, StudySchemas.contributed()));
            } catch (StudyException e) {
                Platform.getLog(StartupStudiesJob.class).error(e.getMessage(), e);
            }
        }
        display.asyncExec(() -> {
            for (Study s : opened) {
                studies.addQuietly(s);
            }
        });
        return problems.isEmpty() ? Status.OK_STATUS : problems.get(0);
    }

    private static Path ensureDemo(IProgressMonitor monitor) throws StudyException {
        Path dir = demoFolder();
        if (Files.isDirectory(dir)) {
            return dir;
        }
        StudyDemo demo = StudyDemos.contributed().stream().anyMatch(c -> c.id().equals(DEMO_ID)) ? StudyDemos.get(DEMO_ID) : null;
        return new NewStudy(StudySchemas.contributed()).create(dir, "SNRB before PELD (simulated demo)", demo, 20261123L, monitor);
    }

    public static Path demoFolder() {
        var location = Platform.getInstanceLocation();
        Path base = location != null && location.getURL() != null ? Path.of(location.getURL().getPath())
                : Path.of(System.getProperty("user.home"), "PainLab");
        return base.resolve("demo-" + DEMO_ID);
    }
}
