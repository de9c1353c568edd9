package org.painlab.trial.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.instrument.Score;

/**
 * The subject grid: one row per subject (by id), columns = {@code subject_id, arm, status}, the
 * baseline variables in definition order, then one score per scheduled (visit, instrument) pair in
 * visit and schedule order (keyed {@code <instrument>.<visit>}), each followed by the instrument's
 * reported sub-scores (the SF-36's eight scales and PCS/MCS, keyed {@code <instrument>.<visit>.<subscore>}). Scores are computed from the stored
 * answers when read (nothing derived is stored); a score that cannot be computed (too many missing
 * items) is null. When the study has no schedule, the (visit, instrument) pairs found in the answers
 * are used.
 *
 * <p>Rows are read a page at a time ({@link #page}) or streamed ({@link #forEach}) with keyset paging,
 * so memory stays flat for 100,000 subjects.
 *
 * @since 0.1
 */
public final class SubjectGrid {
    private static final int PAGE = 1000;
    private final Study study;
    private final InstrumentCatalog catalog;
    private final List<GridColumn> columns;

    SubjectGrid(Study study, InstrumentCatalog catalog) throws StudyException {
        this.study = study;
        this.catalog = catalog;
        this.columns = study.read(c -> {
            TrialReader r = new TrialReader(c, catalog);
            List<GridColumn> cols = new ArrayList<>();
            cols.add(new GridColumn("subject_id", "Subject", GridColumn.Kind.SUBJECT, null, null));
            cols.add(new GridColumn("arm", "Arm", GridColumn.Kind.SUBJECT, null, null));
            cols.add(new GridColumn("status", "Status", GridColumn.Kind.SUBJECT, null, null));
            for (VariableDefinition d : r.variableDefinitions()) {
                cols.add(new GridColumn(d.name(), d.label() + (d.unit() == null ? "" : " (" + d.unit() + ")"),
                        GridColumn.Kind.VARIABLE, null, null));
            }
            Map<String, String> visitLabels = new java.util.HashMap<>();
            for (VisitDefinition v : r.visitDefinitions()) {
                visitLabels.put(v.id(), v.label());
            }
            for (String[] pair : scorePairs(c, r)) {
                Optional<Instrument> inst = catalog.find(pair[1]);
                String name = inst.map(Instrument::id).orElse(pair[1]).toUpperCase(java.util.Locale.ROOT);
                cols.add(new GridColumn(pair[1] + "." + pair[0], name + " " + visitLabels.getOrDefault(pair[0], pair[0]),
                        GridColumn.Kind.SCORE, pair[0], pair[1]));
                // the sub-scores papers report (the SF-36's scales, PCS/MCS) next to the score, under the same visit
                for (Map.Entry<String, String> sub : inst.map(Instrument::subscoreLabels).orElse(Map.of()).entrySet()) {
                    cols.add(new GridColumn(pair[1] + "." + pair[0] + "." + sub.getKey(), sub.getValue(), GridColumn.Kind.SCORE,
                            pair[0], pair[1], sub.getKey()));
                }
            }
            return Collections.unmodifiableList(cols);
        });
    }

    private static List<String[]> scorePairs(java.sql.Connection c, TrialReader r) throws java.sql.SQLException {
        TrialReader.Orders orders = r.orders();
        Set<String> seen = new LinkedHashSet<>();
        List<String[]> pairs = new ArrayList<>();
        List<ScheduleEntry> schedule = r.schedule();
        if (!schedule.isEmpty()) {
            for (ScheduleEntry e : schedule) {
                if (seen.add(e.visitId() + "\u0000" + e.instrumentId())) {
                    pairs.add(new String[] {e.visitId(), e.instrumentId()});
                }
            }
        } else {
            try (var st = c.createStatement();
                    var rs = st.executeQuery("SELECT DISTINCT visit_id, instrument_id FROM trial_answer_set")) {
                while (rs.next()) {
                    pairs.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        pairs.sort((a, b) -> {
            int v = orders.visitOrder().compare(a[0], b[0]);
            return v != 0 ? v : orders.instrumentOrder().compare(a[1], b[1]);
        });
        return pairs;
    }

    /**
     * The columns.
     *
     * @return an unmodifiable list
     */
    public List<GridColumn> columns() {
        return columns;
    }

    /**
     * Number of rows (subjects).
     *
     * @return the count
     * @throws StudyException on a database error
     */
    public long size() throws StudyException {
        return study.read(c -> new TrialReader(c, catalog).subjectCount());
    }

    /**
     * Rows {@code offset .. offset+limit-1} in subject id order (for a virtual table).
     *
     * @param offset first row
     * @param limit at most this many rows
     * @return the rows
     * @throws StudyException on a database error
     */
    public List<GridRow> page(long offset, int limit) throws StudyException {
        return study.read(c -> rows(new TrialReader(c, catalog).subjectRecords(null, offset, limit)));
    }

    /**
     * Streams every row in subject id order, a page at a time.
     *
     * @param consumer receives each row
     * @throws StudyException on a database error
     */
    public void forEach(Consumer<GridRow> consumer) throws StudyException {
        forEach(consumer, new NullProgressMonitor());
    }

    /**
     * Streams every row in subject id order, a page at a time, checking {@code monitor}
     * before each page so a user can cancel loading a large study.
     *
     * @param consumer receives each row
     * @param monitor checked for cancellation before each page
     * @throws StudyException on a database error
     * @throws OperationCanceledException when {@code monitor} is cancelled
     * @since 0.1
     */
    public void forEach(Consumer<GridRow> consumer, IProgressMonitor monitor) throws StudyException {
        String after = null;
        while (true) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            String a = after;
            List<SubjectRecord> page = study.read(c -> new TrialReader(c, catalog).subjectRecords(a, PAGE));
            if (page.isEmpty()) {
                return;
            }
            rows(page).forEach(consumer);
            after = page.get(page.size() - 1).subject().id();
        }
    }

    private List<GridRow> rows(List<SubjectRecord> records) {
        List<GridRow> out = new ArrayList<>(records.size());
        for (SubjectRecord rec : records) {
            List<Object> values = new ArrayList<>(columns.size());
            // one scoring per visit and instrument, shared by the score and its sub-scores
            Map<String, Optional<Score>> scored = new java.util.HashMap<>();
            for (GridColumn col : columns) {
                values.add(switch (col.kind()) {
                    case SUBJECT -> switch (col.key()) {
                        case "subject_id" -> rec.subject().id();
                        case "arm" -> rec.subject().armCode();
                        default -> rec.subject().status().code();
                    };
                    case VARIABLE -> {
                        VariableValue v = rec.baseline().get(col.key());
                        yield v == null ? null : v.isNumber() ? (Object) v.number() : v.text();
                    }
                    case SCORE -> {
                        Optional<Score> sc = scored.computeIfAbsent(col.instrumentId() + "." + col.visitId(), k -> score(rec, col));
                        yield sc.map(x -> col.subscore() == null ? (Double) x.score() : x.subscores().get(col.subscore())).orElse(null);
                    }
                });
            }
            out.add(new GridRow(rec.subject().id(), values));
        }
        return out;
    }

    private Optional<Score> score(SubjectRecord rec, GridColumn col) {
        Map<String, Map<String, Double>> visit = rec.answers().get(col.visitId());
        Map<String, Double> answers = visit == null ? null : visit.get(col.instrumentId());
        Optional<Instrument> inst = catalog.find(col.instrumentId());
        if (answers == null || answers.isEmpty() || inst.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(inst.get().score(answers));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not scorable (too many items missing) or no longer valid for the instrument
        }
    }
}
