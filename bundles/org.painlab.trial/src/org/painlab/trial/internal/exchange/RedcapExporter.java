package org.painlab.trial.internal.exchange;

import org.painlab.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.painlab.core.StudyException;
import org.painlab.trial.exchange.ExportSummary;
import org.painlab.trial.instrument.Item;
import org.painlab.trial.store.Numbers;
import org.painlab.trial.store.Observation;
import org.painlab.trial.store.Arm;
import org.painlab.trial.store.SubjectStatus;
import org.painlab.trial.store.SubjectVisit;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.VariableDefinition;
import org.painlab.trial.store.VisitDefinition;

/**
 * Writes a REDCap export: the data CSV (record id {@code subject_id}, {@code redcap_event_name}
 * {@code <visit>_arm_1}, raw coded values) and, beside it, {@code <name>_DataDictionary.csv} with the
 * standard columns. Forms: {@code subject} (subject fields), {@code baseline} (variables) and one form
 * per instrument named by its id, with fields {@code <instrument>_<item>}. Subject fields and
 * variables are written on each record's first event row. A study without visits (e.g. one imported
 * from a classic REDCap project) is written as a classic project: no {@code redcap_event_name}, one
 * row per record. Observations of repeated and per-visit forms: one form per observed form, its
 * fields as text (validation {@code number} when every value is one); values of instance 0 on their
 * event's row, repeat instances on rows of their own with {@code redcap_repeat_instrument} and
 * {@code redcap_repeat_instance} after the event's row. A longitudinal export has a form
 * {@code visit_info} with the field {@code visit_date} (date_ymd) giving each event's visit date.
 * {@link RedcapSource} reads both back. Visit locks, the screening log and the allocation list have
 * no place in a REDCap data import and are not written.
 */
public final class RedcapExporter {
    private RedcapExporter() {
    }

    /**
     * Writes both files.
     *
     * @param store the store
     * @param target the data CSV
     * @return what was written
     * @throws StudyException when reading or writing fails
     */
    public static ExportSummary export(TrialStore store, Path target) throws StudyException {
        ExportModel model = new ExportModel(store);
        Map<String, Map<String, SubjectVisit>> visitDates = new LinkedHashMap<>();
        if (!model.visits.isEmpty()) {
            for (SubjectVisit v : store.datedOrLockedVisits()) {
                if (v.visitDate() != null) {
                    visitDates.computeIfAbsent(v.subjectId(), k -> new LinkedHashMap<>()).put(v.visitId(), v);
                }
            }
        }
        Map<String, String> varNames = new LinkedHashMap<>();
        Map<String, String> used = new HashMap<>();
        for (String f : TrialStore.SUBJECT_FIELDS) {
            used.put(f, f);
        }
        for (VariableDefinition d : model.variables) {
            String n = redcapName(d.name());
            String clash = used.putIfAbsent(n, d.name());
            if (clash == null && n.equals(RedcapSource.VISIT_DATE) && !model.visits.isEmpty()) {
                clash = "the date of each visit (form " + RedcapSource.VISIT_FORM + ")";
            }
            if (clash != null) {
                throw new StudyException("REDCap export: variable " + d.name() + " becomes field " + n
                        + ", which is already used by " + clash + " (REDCap field names are lowercase)");
            }
            varNames.put(d.name(), n);
        }
        ObservationForms forms = ObservationForms.read(store);
        for (Map.Entry<String, String> f : forms.columns().entrySet()) {
            String clash = used.putIfAbsent(f.getValue(), f.getKey());
            if (clash != null) {
                throw new StudyException("REDCap export: field " + f.getKey() + " of a repeated or per-visit form becomes field "
                        + f.getValue() + ", which is already used by " + clash + " (REDCap field names are unique in a project)");
            }
        }
        Path dictionary = RedcapSource.defaultDictionary(target);
        long[] counts = new long[2];
        try {
            AtomicFiles.writeFile(dictionary, tmp -> {
                try (CsvTableWriter w = new CsvTableWriter(tmp)) {
                    dictionary(model, varNames, forms, w);
                }
            });
            AtomicFiles.writeFile(target, tmp -> {
                try (CsvTableWriter w = new CsvTableWriter(tmp)) {
                    data(store, model, varNames, forms, visitDates, w, counts);
                } catch (StudyException e) {
                    throw new IOException(e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            if (e.getCause() instanceof StudyException s) {
                throw s;
            }
            throw new StudyException(target + ": cannot be written (" + e.getMessage() + ")", e);
        }
        return new ExportSummary(List.of(target.toAbsolutePath(), dictionary.toAbsolutePath()), counts[0], counts[1]);
    }

    static String redcapName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return n.isEmpty() || !Character.isLetter(n.charAt(0)) ? "v_" + n : n;
    }

    static String eventName(String visit) {
        return visit.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_arm_1";
    }

    private static void dictionary(ExportModel model, Map<String, String> varNames, ObservationForms forms, CsvTableWriter w)
            throws IOException {
        w.row(RedcapDictionary.HEADER);
        row(w, "subject_id", "subject", "text", "Subject ID (pseudonymous)", "", "", "", "", "");
        if (model.simulated()) {
            row(w, "simulated_data_note", "subject", "descriptive", "SIMULATED DATA: " + model.settings.getOrDefault(
                    TrialStore.SETTING_DESCRIPTION, "simulated demo trial"), "", "", "", "", "");
        }
        StringJoiner arms = new StringJoiner(" | ");
        for (Arm a : model.arms) {
            arms.add(a.code() + ", " + a.name());
        }
        if (model.arms.isEmpty()) {
            // REDCap refuses a radio field without choices
            row(w, "arm", "subject", "text", "Arm", "", "", "", "", "");
        } else {
            row(w, "arm", "subject", "radio", "Arm", arms.toString(), "", "", "", "");
        }
        StringJoiner statuses = new StringJoiner(" | ");
        for (SubjectStatus s : SubjectStatus.values()) {
            statuses.add(s.code() + ", " + s.code().replace('_', ' '));
        }
        row(w, "status", "subject", "radio", "Status", statuses.toString(), "", "", "", "");
        row(w, "allocation_seq", "subject", "text", "Allocation sequence number", "", "", "integer", "1", "");
        row(w, "stratum", "subject", "text", "Randomization stratum", "", "", "", "", "");
        row(w, "enrolled_on", "subject", "text", "Enrolment date", "", "", "date_ymd", "", "");
        row(w, "simulated", "subject", "yesno", "Simulated data", "", "", "", "", "");
        for (VariableDefinition d : model.variables) {
            String note = d.unit() == null ? "" : "unit: " + d.unit();
            if (!d.choices().isEmpty()) {
                StringJoiner ch = new StringJoiner(" | ");
                d.choices().forEach((k, v) -> ch.add(k + ", " + v));
                row(w, varNames.get(d.name()), "baseline", "radio", d.label(), ch.toString(), note, "", "", "");
            } else {
                String validation = switch (d.type()) {
                    case INTEGER -> "integer";
                    case NUMBER -> "number";
                    case DATE -> "date_ymd";
                    case TEXT -> "";
                };
                row(w, varNames.get(d.name()), "baseline", "text", d.label(), "", note, validation,
                        d.min() == null ? "" : Numbers.format(d.min()), d.max() == null ? "" : Numbers.format(d.max()));
            }
        }
        if (!model.visits.isEmpty()) {
            row(w, RedcapSource.VISIT_DATE, RedcapSource.VISIT_FORM, "text", "Visit date", "", "", "date_ymd", "", "");
        }
        for (Map.Entry<String, List<ExportModel.ExportItem>> inst : model.instruments.entrySet()) {
            for (ExportModel.ExportItem ei : inst.getValue()) {
                String field = inst.getKey() + "_" + ei.id();
                Item it = ei.item();
                if (it == null) {
                    row(w, field, inst.getKey(), "text", ei.id(), "", "", "number", "", "");
                } else if (!it.choices().isEmpty()) {
                    StringJoiner ch = new StringJoiner(" | ");
                    it.choices().forEach((k, v) -> ch.add(Numbers.format(k) + ", " + v));
                    row(w, field, inst.getKey(), "radio", it.label(), ch.toString(), "", "", "", "");
                } else {
                    boolean integer = it.step() == Math.rint(it.step()) && it.min() == Math.rint(it.min());
                    row(w, field, inst.getKey(), "text", it.label(), "", "", integer ? "integer" : "number",
                            Numbers.format(it.min()), Numbers.format(it.max()));
                }
            }
        }
        observationFields(forms, w);
    }

    private static void observationFields(ObservationForms forms, CsvTableWriter w) throws IOException {
        for (Map.Entry<String, List<String>> f : forms.fields().entrySet()) {
            for (String field : f.getValue()) {
                row(w, forms.columns().get(f.getKey() + "." + field), redcapName(f.getKey()), "text", field, "", "",
                        forms.numeric(f.getKey(), field) ? "number" : "", "", "");
            }
        }
    }

    private static void row(CsvTableWriter w, String name, String form, String type, String label, String choices, String note,
            String validation, String min, String max) throws IOException {
        w.row(Arrays.asList(name, form, "", type, label, choices, note, validation, min, max, "", "", "", "", "", "", "", ""));
    }

    private static void data(TrialStore store, ExportModel model, Map<String, String> varNames, ObservationForms forms,
            Map<String, Map<String, SubjectVisit>> visitDates, CsvTableWriter w, long[] counts) throws IOException, StudyException {
        List<String> header = new ArrayList<>();
        header.add("subject_id");
        boolean longitudinal = !model.visits.isEmpty();
        if (longitudinal) {
            header.add("redcap_event_name");
        }
        boolean repeats = forms.repeating();
        if (repeats) {
            header.add("redcap_repeat_instrument");
            header.add("redcap_repeat_instance");
        }
        int keys = header.size();
        List<String> subjectFields = TrialStore.SUBJECT_FIELDS.subList(1, TrialStore.SUBJECT_FIELDS.size());
        header.addAll(subjectFields);
        for (VariableDefinition d : model.variables) {
            header.add(varNames.get(d.name()));
        }
        if (longitudinal) {
            header.add(RedcapSource.VISIT_DATE);
        }
        List<String[]> answerFields = new ArrayList<>();
        for (Map.Entry<String, List<ExportModel.ExportItem>> inst : model.instruments.entrySet()) {
            for (ExportModel.ExportItem ei : inst.getValue()) {
                header.add(inst.getKey() + "_" + ei.id());
                answerFields.add(new String[] {inst.getKey(), ei.id()});
            }
        }
        List<String[]> observationFields = new ArrayList<>();
        for (Map.Entry<String, List<String>> f : forms.fields().entrySet()) {
            for (String field : f.getValue()) {
                header.add(forms.columns().get(f.getKey() + "." + field));
                observationFields.add(new String[] {f.getKey(), field});
            }
        }
        w.row(header);
        // a classic project has one row per record: one pseudo-event that is never written
        List<VisitDefinition> events = longitudinal ? model.visits : List.of(new VisitDefinition("", "", null, 0));
        String firstVisit = events.get(0).id();
        try {
            store.forEachSubjectRecord(r -> {
                try {
                    for (VisitDefinition v : events) {
                        boolean first = v.id().equals(firstVisit);
                        Map<String, Map<String, Double>> answers = r.answers().get(v.id());
                        Map<String, Observation> once = new HashMap<>();
                        Map<String, Map<Integer, Map<String, Observation>>> repeated = new LinkedHashMap<>();
                        for (Observation o : r.observations()) {
                            if (!o.visit().equals(v.id())) {
                                continue;
                            }
                            if (o.instance() == 0) {
                                once.put(o.form() + "." + o.field(), o);
                            } else {
                                repeated.computeIfAbsent(o.form(), k -> new TreeMap<>()).computeIfAbsent(o.instance(), k -> new HashMap<>())
                                        .put(o.field(), o);
                            }
                        }
                        // REDCap writes an event's plain row first, then its repeat instances
                        List<List<Object>> later = new ArrayList<>();
                        for (Map.Entry<String, Map<Integer, Map<String, Observation>>> f : repeated.entrySet()) {
                            for (Map.Entry<Integer, Map<String, Observation>> inst : f.getValue().entrySet()) {
                                List<Object> row = new ArrayList<>(header.size());
                                row.add(r.subject().id());
                                if (longitudinal) {
                                    row.add(eventName(v.id()));
                                }
                                row.add(redcapName(f.getKey()));
                                row.add(inst.getKey());
                                while (row.size() < header.size() - observationFields.size()) {
                                    row.add(null);
                                }
                                for (String[] of : observationFields) {
                                    Observation o = of[0].equals(f.getKey()) ? inst.getValue().get(of[1]) : null;
                                    row.add(o == null ? null : o.text());
                                    counts[1] += o == null ? 0 : 1;
                                }
                                later.add(row);
                            }
                        }
                        SubjectVisit dated = visitDates.getOrDefault(r.subject().id(), Map.of()).get(v.id());
                        if (!first && (answers == null || answers.isEmpty()) && once.isEmpty() && dated == null) {
                            for (List<Object> l : later) {
                                w.row(l);
                            }
                            continue;
                        }
                        List<Object> row = new ArrayList<>(header.size());
                        row.add(r.subject().id());
                        if (longitudinal) {
                            row.add(eventName(v.id()));
                        }
                        if (repeats) {
                            row.add(null);
                            row.add(null);
                        }
                        List<Object> fields = TabularExporter.subjectFields(r.subject());
                        for (int i = 1; i < fields.size(); i++) {
                            Object f = first ? fields.get(i) : null;
                            if (i == fields.size() - 1 && f != null) {
                                f = r.subject().simulated() ? "1" : "0";
                            }
                            row.add(f);
                        }
                        for (VariableDefinition d : model.variables) {
                            row.add(first ? TabularExporter.value(r.baseline().get(d.name())) : null);
                        }
                        if (longitudinal) {
                            row.add(dated == null ? null : dated.visitDate().toString());
                        }
                        for (String[] af : answerFields) {
                            row.add(TabularExporter.answer(r, v.id(), af[0], af[1]));
                        }
                        for (String[] of : observationFields) {
                            Observation o = once.get(of[0] + "." + of[1]);
                            row.add(o == null ? null : o.text());
                        }
                        for (int i = keys; i < row.size(); i++) {
                            if (row.get(i) != null) {
                                counts[1]++;
                            }
                        }
                        w.row(row);
                        for (List<Object> l : later) {
                            w.row(l);
                        }
                    }
                    counts[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
