package org.painlab.trial.ui.internal.views;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.UiJobs;
import org.painlab.trial.store.ScreeningEntry;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.ui.internal.dialogs.ScreeningDialog;

/** The screening log of the selected study with each person's unmet criteria; screens new persons. */
public final class ScreeningView extends ViewPart {
    public static final String ID = "org.painlab.trial.ui.screening";
    private static final String[] COLUMNS = { "Screening", "Date", "Outcome", "Reason", "Subject", "Criteria not met" };
    private OpenStudies studies;
    private Table table;
    private final OpenStudies.Listener listener = s -> refresh();

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        parent.setLayout(new FillLayout());
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        int[] widths = { 90, 90, 80, 220, 80, 320 };
        for (int i = 0; i < COLUMNS.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(COLUMNS[i]);
            c.setWidth(widths[i]);
        }
        getViewSite().getActionBars().getToolBarManager().add(new Action("Screen a person...") {
            @Override
            public void run() {
                screenInteractively();
            }
        });
        studies.addListener(listener);
        refresh();
    }

    /** Reloads the log of the selected study in a job (tests join {@link UiJobs#FAMILY}). */
    public void refresh() {
        if (table == null || table.isDisposed()) {
            return;
        }
        Study study = studies.selected().orElse(null);
        if (study == null) {
            table.removeAll();
            setContentDescription("No study selected");
            return;
        }
        record Line(String[] cells) {
        }
        record Read(List<Line> lines, long excluded, boolean simulated) {
        }
        UiJobs.run("Reading the screening log of " + study.name(), table, monitor -> {
            TrialStore store = new TrialStore(study);
            List<ScreeningEntry> log = store.screeningLog();
            long excluded = log.stream().filter(ScreeningEntry::excluded).count();
            List<Line> lines = new java.util.ArrayList<>();
            for (ScreeningEntry e : log) {
                if (monitor.isCanceled()) {
                    throw new OperationCanceledException();
                }
                Map<String, Boolean> checklist = store.eligibility(e.id());
                String unmet = checklist.entrySet().stream().filter(x -> !x.getValue()).map(x -> Screening.label(x.getKey()))
                        .collect(Collectors.joining("; "));
                lines.add(new Line(new String[] { e.id(), e.screenedOn() == null ? "" : e.screenedOn().toString(),
                        e.excluded() ? "excluded" : "eligible", e.reason() == null ? "" : e.reason(),
                        e.subjectId() == null ? "" : e.subjectId(), unmet }));
            }
            return new Read(lines, excluded, store.simulated());
        }, read -> {
            if (studies.selected().orElse(null) != study) {
                return;
            }
            table.removeAll();
            for (Line line : read.lines()) {
                new TableItem(table, SWT.NONE).setText(line.cells());
            }
            setContentDescription(study.name() + ": " + read.lines().size() + " screened, " + read.excluded() + " excluded"
                    + (read.simulated() ? "  (SIMULATED DATA)" : ""));
        }, e -> {
            if (studies.selected().orElse(null) == study) {
                table.removeAll();
                setContentDescription(e.getMessage());
            }
        });
    }

    private void screenInteractively() {
        Study study = studies.selected().orElse(null);
        if (study == null) {
            return;
        }
        try {
            Screening screening = new Screening(new TrialStore(study));
            ScreeningDialog d = new ScreeningDialog(getSite().getShell(), screening.nextId(), screening.criteria());
            if (d.open() != Window.OK) {
                return;
            }
            Subject s = screening.screen(AuditActor.current(), d.screeningId(), LocalDate.now(), d.checklist(), d.enrollAs());
            studies.refresh();
            refresh();
            if (s != null) {
                studies.select(study, s.id());
                MessageDialog.openInformation(getSite().getShell(), "Screening", "Subject " + s.id() + " is enrolled and allocated to arm "
                        + s.armCode() + ".");
            }
        } catch (StudyException e) {
            MessageDialog.openError(getSite().getShell(), "Screening", e.getMessage());
        }
    }

    /** Rows shown, for tests. */
    public int rows() {
        return table.getItemCount();
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        if (studies != null) {
            studies.removeListener(listener);
        }
        super.dispose();
    }
}
