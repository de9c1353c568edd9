package org.painlab.trial.ui.internal.views;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jface.action.Action;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.UiJobs;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.trial.store.ScreeningEntry;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.ui.internal.dialogs.ScreeningDialog;
import org.painlab.trial.ui.internal.handlers.Replies;

/**
 * The screening log of the selected study with each person's unmet criteria, on the workbench
 * grid (filter, sort, copy, export of what is shown); read in a job, since a log of thousands
 * of persons reads each one's checklist. Screens new persons.
 */
public final class ScreeningView extends ViewPart {
    public static final String ID = "org.painlab.trial.ui.screening";
    private static final String EXCLUDED = "excluded";
    private static final String SCREENING = "Screening";
    private OpenStudies studies;
    private DataGrid<ScreenedPerson> grid;
    private Study shown;
    private final OpenStudies.Listener listener = s -> refresh();

    /** One line of the screening log as the view shows it. */
    public record ScreenedPerson(String id, LocalDate screenedOn, String outcome, String reason, String subject, String unmet) {
    }

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        parent.setLayout(new FillLayout());
        grid = DataGrid.<ScreenedPerson>builder().name("Screening log")
                .column(ColumnSpec.text("screening", "Screening", ScreenedPerson::id))
                .column(ColumnSpec.text("date", "Date", ScreenedPerson::screenedOn))
                .column(ColumnSpec.text("outcome", "Outcome", ScreenedPerson::outcome))
                .column(ColumnSpec.text("reason", "Reason", ScreenedPerson::reason))
                .column(ColumnSpec.text("subject", "Subject", ScreenedPerson::subject))
                .column(ColumnSpec.text("unmet", "Criteria not met", ScreenedPerson::unmet))
                .width("screening", 90).width("date", 90).width("outcome", 80).width("reason", 220).width("subject", 80)
                .width("unmet", 320).fillWidth("unmet").frozenColumns(1).build(parent);
        getViewSite().getActionBars().getToolBarManager().add(new Action("Screen a person...") {
            @Override
            public void run() {
                screenInteractively();
            }
        });
        studies.addListener(listener);
        refresh();
    }

    /** Reloads the log of the selected study in a job; the grid shows it when read. */
    public void refresh() {
        if (grid == null || grid.control().isDisposed()) {
            return;
        }
        Study study = studies.selected().orElse(null);
        shown = study;
        if (study == null) {
            grid.setRows(List.of());
            setContentDescription("No study selected");
            return;
        }
        grid.rememberStateIn(DataGrid.stateFile(study, ID));
        java.util.concurrent.atomic.AtomicBoolean simulated = new java.util.concurrent.atomic.AtomicBoolean();
        grid.load("Reading the screening log of " + study.name(), () -> {
            TrialStore store = new TrialStore(study);
            simulated.set(store.simulated());
            List<ScreeningEntry> log = store.screeningLog();
            List<ScreenedPerson> rows = new ArrayList<>(log.size());
            for (ScreeningEntry e : log) {
                rows.add(person(e, store.eligibility(e.id())));
            }
            return rows;
        }, result -> {
            if (shown != study) {
                return;
            }
            if (result.failure() != null) {
                setContentDescription(result.failure().getMessage());
                return;
            }
            long excluded = result.rows().stream().filter(p -> EXCLUDED.equals(p.outcome())).count();
            setContentDescription(study.name() + ": " + result.rows().size() + " screened, " + excluded + " excluded"
                    + (simulated.get() ? "  (SIMULATED DATA)" : ""));
        });
    }

    private static ScreenedPerson person(ScreeningEntry e, Map<String, Boolean> checklist) {
        String unmet = checklist.entrySet().stream().filter(x -> !x.getValue()).map(x -> Screening.label(x.getKey()))
                .collect(Collectors.joining("; "));
        return new ScreenedPerson(e.id(), e.screenedOn(), e.excluded() ? EXCLUDED : "eligible", e.reason() == null ? "" : e.reason(),
                e.subjectId() == null ? "" : e.subjectId(), unmet);
    }

    /** What the dialog needs from the study: the next free screening id and the checklist. */
    private record Ask(String nextId, List<String> criteria) {
    }

    private void screenInteractively() {
        Study study = studies.selected().orElse(null);
        if (study == null) {
            return;
        }
        var shell = getSite().getShell();
        Replies replies = Replies.dialogs(shell);
        UiJobs.run("Reading the screening log of " + study.name(), grid.control(), monitor -> {
            Screening screening = new Screening(new TrialStore(study));
            return new Ask(screening.nextId(), screening.criteria());
        }, ask -> {
            ScreeningDialog d = new ScreeningDialog(shell, ask.nextId(), ask.criteria());
            if (d.open() == Window.OK) {
                screen(study, d.screeningId(), d.checklist(), d.enrollAs(), replies);
            }
        }, e -> replies.error(SCREENING, e.getMessage()));
    }

    /**
     * Logs a screened person in a job (and enrolls an eligible one as {@code enrollAs}, revealing the
     * next allocation), then refreshes the views and selects the new subject.
     *
     * @param study the study
     * @param screeningId the screening id
     * @param checklist criterion to met
     * @param enrollAs the study id to enroll an eligible person as, or null
     * @param replies how the outcome is told
     * @return the job
     */
    public Job screen(Study study, String screeningId, Map<String, Boolean> checklist, String enrollAs, Replies replies) {
        String actor = AuditActor.current();
        return UiJobs.run("Screening " + screeningId, grid.control(), monitor -> java.util.Optional.ofNullable(
                new Screening(new TrialStore(study)).screen(actor, screeningId, LocalDate.now(), checklist, enrollAs)), s -> {
                    studies.refresh();
                    refresh();
                    if (s.isPresent()) {
                        studies.select(study, s.get().id());
                        replies.info(SCREENING, "Subject " + s.get().id() + " is enrolled and allocated to arm " + s.get().armCode() + ".");
                    }
                }, e -> replies.error(SCREENING, e.getMessage()));
    }

    /** The grid of the log, for tests (join {@link DataGrid#JOB_FAMILY} after {@link #refresh()}). */
    public DataGrid<ScreenedPerson> grid() {
        return grid;
    }

    /** Rows loaded (before the filter row), for tests. */
    public int rows() {
        return grid.rowCount();
    }

    @Override
    public void setFocus() {
        grid.control().setFocus();
    }

    @Override
    public void dispose() {
        if (studies != null) {
            studies.removeListener(listener);
        }
        super.dispose();
    }
}
