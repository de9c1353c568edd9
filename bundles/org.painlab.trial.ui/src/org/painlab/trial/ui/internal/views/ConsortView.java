package org.painlab.trial.ui.internal.views;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.UiJobs;
import org.painlab.trial.store.ConsortCounts;
import org.painlab.trial.store.TrialStore;

/** The CONSORT flow diagram of the selected study, computed from its data; exportable as PNG. */
public final class ConsortView extends ViewPart {
    public static final String ID = "org.painlab.trial.ui.consort";
    private OpenStudies studies;
    private Canvas canvas;
    private ScrolledComposite scroller;
    private ConsortCounts counts;
    private final OpenStudies.Listener listener = s -> refresh();

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
        canvas = new Canvas(scroller, SWT.DOUBLE_BUFFERED);
        scroller.setContent(canvas);
        canvas.addPaintListener(e -> {
            if (counts != null) {
                new ConsortDiagram(counts).paint(e.gc, canvas.getSize().x);
            } else {
                e.gc.drawText(getContentDescription(), 10, 10);
            }
        });
        getViewSite().getActionBars().getToolBarManager().add(new Action("Export PNG...") {
            @Override
            public void run() {
                exportPng();
            }
        });
        studies.addListener(listener);
        refresh();
    }

    /** Recomputes the counts of the selected study in a job (tests join {@link UiJobs#FAMILY}). */
    public void refresh() {
        if (canvas == null || canvas.isDisposed()) {
            return;
        }
        var study = studies.selected().orElse(null);
        if (study == null) {
            counts = null;
            setContentDescription("No study selected");
            resize();
            return;
        }
        setContentDescription(study.name() + ": counting...");
        record Read(ConsortCounts counts, boolean simulated) {
        }
        UiJobs.run("Counting the CONSORT flow of " + study.name(), canvas, monitor -> {
            TrialStore store = new TrialStore(study);
            return new Read(store.consortCounts(), store.simulated());
        }, read -> {
            if (studies.selected().orElse(null) == study) {
                counts = read.counts();
                setContentDescription(study.name() + (read.simulated() ? " - SIMULATED DATA" : ""));
                resize();
            }
        }, e -> {
            if (studies.selected().orElse(null) == study) {
                counts = null;
                setContentDescription(e.getMessage());
                resize();
            }
        });
    }

    private void resize() {
        Point size = counts == null ? new Point(400, 100) : new ConsortDiagram(counts).size();
        canvas.setSize(size);
        canvas.redraw();
    }

    /** The counts shown, for tests. */
    public ConsortCounts counts() {
        return counts;
    }

    private void exportPng() {
        if (counts == null) {
            return;
        }
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { "*.png" });
        d.setFileName("consort.png");
        d.setOverwrite(true);
        String target = d.open();
        if (target != null) {
            try {
                writePng(target);
            } catch (RuntimeException e) {
                MessageDialog.openError(getSite().getShell(), "Export CONSORT diagram", e.getMessage());
            }
        }
    }

    /** Renders the diagram off screen and writes it as PNG. */
    public void writePng(String target) {
        ConsortDiagram diagram = new ConsortDiagram(counts);
        Point size = diagram.size();
        Image image = new Image(canvas.getDisplay(), size.x, size.y);
        try {
            GC gc = new GC(image);
            try {
                diagram.paint(gc, size.x);
            } finally {
                gc.dispose();
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            loader.save(target, SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        if (studies != null) {
            studies.removeListener(listener);
        }
        super.dispose();
    }
}
