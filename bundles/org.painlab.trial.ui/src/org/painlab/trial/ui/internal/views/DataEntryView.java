package org.painlab.trial.ui.internal.views;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.operations.UndoRedoActionGroup;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.UiJobs;
import org.painlab.core.ui.link.ItemLinksSection;
import org.painlab.trial.Instruments;
import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.store.Observation;
import org.painlab.trial.store.ScheduleEntry;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.SubjectRecord;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.VisitDefinition;
import org.painlab.trial.ui.internal.forms.InstrumentForm;
import org.painlab.trial.ui.internal.forms.SaveAnswersOperation;

/**
 * Data entry for the selected subject: pick a visit and an instrument from the schedule,
 * fill the generated form (validated as you type), save. Saving is undoable (Edit > Undo)
 * and audited; changing or deleting a stored answer asks for a reason; locked visits
 * are shown read-only. Under the form, the subject's repeated and per-visit forms at the chosen
 * visit are listed read-only, with a link to the Repeated Forms view; below them the subject's links and
 * backlinks (notes about the subject, results, volumes: link target {@code subject}).
 */
public final class DataEntryView extends ViewPart {
    public static final String ID = "org.painlab.trial.ui.dataEntry";

    private OpenStudies studies;
    private Label heading;
    private Combo visit;
    private Combo instrument;
    private Composite formHolder;
    private ScrolledComposite scroller;
    private Button save;
    private Button lock;
    private Label status;
    private SubjectFillings fillings;
    private ItemLinksSection links;
    private InstrumentForm form;
    private Study study;
    private String subjectId;
    private boolean shown;
    private List<VisitDefinition> visits = List.of();
    private List<String> instrumentIds = List.of();
    private List<Observation> subjectObservations = List.of();
    private Map<String, Double> stored = Map.of();
    private String arm;
    private List<ScheduleEntry> schedule = List.of();
    /** Counts reads started; a read's result is shown only if no later read was started. */
    private int reads;
    private int pending;
    private final IUndoContext undoContext = new ObjectUndoContext(this, "PainLab data entry");
    private final OpenStudies.Listener listener = s -> selectionChanged();

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(4, false));
        heading = new Label(c, SWT.NONE);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        new Label(c, SWT.NONE).setText("Visit:");
        visit = new Combo(c, SWT.READ_ONLY);
        visit.addListener(SWT.Selection, e -> instrumentsChanged());
        new Label(c, SWT.NONE).setText("Instrument:");
        instrument = new Combo(c, SWT.READ_ONLY);
        instrument.addListener(SWT.Selection, e -> loadForm());
        scroller = new ScrolledComposite(c, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        formHolder = new Composite(scroller, SWT.NONE);
        formHolder.setLayout(new GridLayout(1, false));
        scroller.setContent(formHolder);
        save = new Button(c, SWT.PUSH);
        save.setText("Save");
        save.addListener(SWT.Selection, e -> save());
        status = new Label(c, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        lock = new Button(c, SWT.PUSH);
        lock.setText("Lock visit...");
        lock.setToolTipText("No further edits of this subject's visit (audited)");
        lock.addListener(SWT.Selection, e -> lockVisit());
        fillings = new SubjectFillings(c, this::openRepeatedForms);
        fillings.control().setLayoutData(SubjectFillings.layoutData(4));
        links = new ItemLinksSection(c, studies);
        links.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false, 4, 1));
        UndoRedoActionGroup undo = new UndoRedoActionGroup(getSite(), undoContext, true);
        undo.fillActionBars(getViewSite().getActionBars());
        studies.addListener(listener);
        selectionChanged();
    }

    private void selectionChanged() {
        if (heading == null || heading.isDisposed()) {
            return;
        }
        Study s = studies.selected().orElse(null);
        String subject = studies.selectedSubject().orElse(null);
        if (shown && s == study && Objects.equals(subject, subjectId)) {
            return;
        }
        // the first call shows the "no subject" state too (before, the first window showed an empty heading)
        shown = true;
        study = s;
        subjectId = subject;
        visit.removeAll();
        visits = List.of();
        subjectObservations = List.of();
        schedule = List.of();
        arm = null;
        if (study == null || subjectId == null) {
            heading.setText("Select a subject in the Subject Grid to enter data.");
            links.clear("The selected subject's links and backlinks (notes, results, volumes) show here.");
            clearForm();
            status.setText("");
            fillings.show(null, null, List.of(), List.of());
            return;
        }
        clearForm();
        instrument.removeAll();
        heading.setText("Reading subject " + subjectId + "...");
        links.show(study, "subject", subjectId);
        Study reading = study;
        int read = startRead();
        record SubjectRead(Subject subject, boolean simulated, List<VisitDefinition> visits, List<Observation> observations,
                List<ScheduleEntry> schedule) {
        }
        UiJobs.run("Reading subject " + subject, heading, monitor -> {
            TrialStore store = new TrialStore(reading);
            return new SubjectRead(store.subject(subject).orElse(null), store.simulated(), store.visitDefinitions(),
                    store.subjectRecord(subject).map(SubjectRecord::observations).orElse(List.of()), store.schedule());
        }, r -> {
            if (endRead(read)) {
                Subject subj = r.subject();
                arm = subj == null ? null : subj.armCode();
                heading.setText("Subject " + subject + (arm != null ? "  arm " + arm : "") + (r.simulated() ? "   SIMULATED DATA" : ""));
                visits = r.visits();
                subjectObservations = r.observations();
                schedule = r.schedule();
                for (VisitDefinition v : visits) {
                    visit.add(v.label());
                }
                if (!visits.isEmpty()) {
                    visit.select(0);
                }
                instrumentsChanged();
                visit.getParent().layout(true, true);
            }
        }, e -> {
            if (endRead(read)) {
                heading.setText(e.getMessage());
                instrumentsChanged();
            }
        });
    }

    private int startRead() {
        pending++;
        return ++reads;
    }

    /** Ends a read; true when it is the newest one, whose result is to be shown. */
    private boolean endRead(int read) {
        pending--;
        return read == reads && !heading.isDisposed();
    }

    /** True while the subject or the form's stored answers are being read, for tests. */
    public boolean loading() {
        return pending > 0;
    }

    private void instrumentsChanged() {
        instrument.removeAll();
        instrumentIds = List.of();
        fillings.show(subjectId, visit.getSelectionIndex() < 0 ? null : visits.get(visit.getSelectionIndex()), visits,
                study == null ? List.of() : subjectObservations);
        if (study == null || visit.getSelectionIndex() < 0) {
            clearForm();
            status.setText(study == null || subjectId == null ? "" : "The study defines no visits: no instrument to enter");
            return;
        }
        String visitId = visits.get(visit.getSelectionIndex()).id();
        Set<String> ids = new LinkedHashSet<>();
        for (ScheduleEntry e : schedule) {
            if (e.visitId().equals(visitId) && (arm == null || arm.equals(e.armCode()))) {
                ids.add(e.instrumentId());
            }
        }
        if (ids.isEmpty()) {
            new Instruments().all().forEach(i -> ids.add(i.id()));
        }
        instrumentIds = new ArrayList<>(ids);
        Instruments installed = new Instruments();
        for (String id : instrumentIds) {
            instrument.add(installed.find(id).map(Instrument::name).orElse(id));
        }
        if (!instrumentIds.isEmpty()) {
            instrument.select(0);
        }
        instrument.getParent().layout(true, true);
        loadForm();
    }

    private void loadForm() {
        clearForm();
        if (study == null || instrument.getSelectionIndex() < 0) {
            return;
        }
        Instrument inst = new Instruments().find(instrumentIds.get(instrument.getSelectionIndex())).orElse(null);
        if (inst == null) {
            status.setText("Instrument " + instrumentIds.get(instrument.getSelectionIndex()) + " is not installed");
            return;
        }
        InstrumentForm shownForm = new InstrumentForm(formHolder, inst);
        form = shownForm;
        form.control().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        // read-only until the stored answers are in: nothing typed before can be overwritten
        setEnabled(form.control(), false);
        save.setEnabled(false);
        lock.setEnabled(false);
        status.setText("Reading stored answers...");
        Study reading = study;
        String subject = subjectId;
        String visitId = visitId();
        int read = startRead();
        record FormRead(Map<String, Double> answers, boolean locked) {
        }
        UiJobs.run("Reading " + inst.id() + " of " + subject, formHolder, monitor -> {
            TrialStore store = new TrialStore(reading);
            Map<String, Double> answers = store.answers(subject, visitId, inst.id());
            boolean locked = store.locks().datasetLocked()
                    || store.visits(subject).stream().anyMatch(v -> v.visitId().equals(visitId) && v.locked());
            return new FormRead(answers, locked);
        }, r -> {
            if (endRead(read) && form == shownForm) {
                stored = r.answers();
                form.setValues(stored);
                setEnabled(form.control(), !r.locked());
                save.setEnabled(!r.locked());
                lock.setEnabled(!r.locked());
                status.setText(r.locked() ? "Locked: read-only" : stored.isEmpty() ? "No answers stored yet" : "Stored answers shown");
                form.setListener(f -> status.setText(f.problems().isEmpty() ? "Unsaved changes" : f.problems().size() + " invalid field(s)"));
            }
        }, e -> {
            if (endRead(read) && form == shownForm) {
                status.setText(e.getMessage());
            }
        });
        formHolder.layout(true, true);
        scroller.setMinSize(formHolder.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    private static void setEnabled(Composite c, boolean enabled) {
        for (var child : c.getChildren()) {
            child.setEnabled(enabled);
        }
    }

    private void clearForm() {
        for (var child : formHolder.getChildren()) {
            child.dispose();
        }
        form = null;
        stored = Map.of();
    }

    private String visitId() {
        return visits.get(visit.getSelectionIndex()).id();
    }

    /** Opens the Repeated Forms view on the selected subject. */
    private void openRepeatedForms() {
        try {
            RepeatedFormsView view = (RepeatedFormsView) getSite().getPage().showView(RepeatedFormsView.ID);
            view.showOnlySelectedSubject(true);
        } catch (PartInitException e) {
            status.setText("Repeated Forms cannot be opened: " + e.getMessage());
        }
    }

    /** The subject's repeated and per-visit forms shown under the form, for tests. */
    public SubjectFillings fillings() {
        return fillings;
    }

    private void lockVisit() {
        if (study == null || subjectId == null || visit.getSelectionIndex() < 0) {
            return;
        }
        InputDialog ask = new InputDialog(getSite().getShell(), "Lock visit", "Lock visit " + visits.get(visit.getSelectionIndex()).label()
                + " of subject " + subjectId + ". Reason:", "data verified against source", s -> s.isBlank() ? "A reason is required" : null);
        if (ask.open() != Window.OK) {
            return;
        }
        Study locking = study;
        String subject = subjectId;
        String visitId = visitId();
        String reason = ask.getValue().trim();
        lock.setEnabled(false);
        UiJobs.run("Locking visit " + visitId + " of " + subject, lock, monitor -> {
            new TrialStore(locking).lockVisit(AuditActor.current(), subject, visitId, reason);
            return Boolean.TRUE;
        }, done -> {
            loadForm();
            studies.refresh();
        }, e -> {
            lock.setEnabled(true);
            MessageDialog.openError(getSite().getShell(), "Lock visit", e.getMessage());
        });
    }

    /** Saves the form; returns false when nothing was saved (invalid, cancelled, refused). */
    public boolean save() {
        if (form == null) {
            return false;
        }
        if (!form.problems().isEmpty()) {
            status.setText("Not saved: " + String.join("; ", form.problems().values()));
            return false;
        }
        Map<String, Double> after = form.values();
        if (after.equals(stored)) {
            status.setText("Nothing changed");
            return false;
        }
        String reason = null;
        boolean changesStored = stored.entrySet().stream().anyMatch(e -> !e.getValue().equals(after.get(e.getKey())));
        if (changesStored) {
            InputDialog ask = new InputDialog(getSite().getShell(), "Reason for change",
                    "Stored answers change or are deleted. The audit trail needs a reason:", "", s -> s.isBlank() ? "A reason is required" : null);
            if (ask.open() != Window.OK) {
                return false;
            }
            reason = ask.getValue().trim();
        }
        return execute(after, reason);
    }

    /**
     * Saves {@code after} with {@code reason} as an undoable operation in a job (also used by
     * tests, which join {@link UiJobs#FAMILY}); returns false when no save was started. The
     * form keeps what was typed until the save is confirmed: a refused save loses no edit, and
     * its error is shown under the form.
     */
    public boolean execute(Map<String, Double> after, String reason) {
        if (form == null) {
            return false;
        }
        TrialStore store = new TrialStore(study);
        String instrumentId = form.instrument().id();
        String visitId = visitId();
        Study savedIn = study;
        String savedFor = subjectId;
        var display = heading.getDisplay();
        SaveAnswersOperation op = new SaveAnswersOperation(store, AuditActor.current(), subjectId, visitId, instrumentId,
                stored, after, reason, answers -> display.asyncExec(() -> showSaved(savedIn, savedFor, visitId, instrumentId, answers)));
        op.addContext(undoContext);
        IOperationHistory history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
        save.setEnabled(false);
        status.setText("Saving...");
        UiJobs.run("Saving " + instrumentId + " of " + subjectId, save, monitor -> history.execute(op, monitor, null), result -> {
            save.setEnabled(true);
            status.setText(result.isOK() ? "Saved" : "Not saved: " + result.getMessage());
        }, e -> {
            save.setEnabled(true);
            status.setText("Not saved: " + e.getMessage());
            status.getParent().layout(true, true);
        });
        return true;
    }

    /** Shows answers written by a save, undo or redo, when the form still shows that record. */
    private void showSaved(Study savedIn, String savedFor, String visitId, String instrumentId, Map<String, Double> answers) {
        if (heading.isDisposed()) {
            return;
        }
        if (form != null && savedIn == study && Objects.equals(savedFor, subjectId) && visit.getSelectionIndex() >= 0
                && visitId().equals(visitId) && form.instrument().id().equals(instrumentId)) {
            stored = Map.copyOf(answers);
            form.setValues(answers);
        }
        studies.refresh();
    }

    /** The line above the form: what the view shows, or what to do first (tests). */
    public String heading() {
        return heading.getText();
    }

    /** The status line (what happened last), for tests. */
    public String status() {
        return heading.getText() + " | " + status.getText();
    }

    /** The generated form, for tests. */
    public InstrumentForm form() {
        return form;
    }

    /** The selected subject's links and backlinks. */
    public ItemLinksSection links() {
        return links;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == ItemLinksSection.class) {
            return adapter.cast(links);
        }
        return super.getAdapter(adapter);
    }

    /** The undo context of this view's edits, for tests. */
    public IUndoContext undoContext() {
        return undoContext;
    }

    @Override
    public void setFocus() {
        visit.setFocus();
    }

    @Override
    public void dispose() {
        if (studies != null) {
            studies.removeListener(listener);
        }
        PlatformUI.getWorkbench().getOperationSupport().getOperationHistory().dispose(undoContext, true, true, true);
        super.dispose();
    }
}
