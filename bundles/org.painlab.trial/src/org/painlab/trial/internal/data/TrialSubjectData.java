package org.painlab.trial.internal.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.painlab.core.StudyException;
import org.painlab.core.data.SubjectData;
import org.painlab.core.data.VariableKind;
import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.instrument.Item;
import org.painlab.trial.instrument.Score;
import org.painlab.trial.store.Arm;
import org.painlab.trial.store.SubjectRecord;
import org.painlab.trial.store.SubjectStatus;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.VariableDefinition;
import org.painlab.trial.store.VariableType;
import org.painlab.trial.store.VariableValue;
import org.painlab.trial.store.VisitDefinition;

/**
 * Turns a study's trial data into the core data contract's subject-level columns: baseline
 * variables by their definitions (numbers, yes/no, nominal and ordered codes), and each
 * instrument's score per visit computed from the stored answers (SF-36 scales as
 * {@code sf36_<scale>}, MacNab as an ordered grade, each complication as yes/no).
 * Populations: ITT = every randomized subject; PP = those not lost to follow-up or withdrawn.
 */
public final class TrialSubjectData {
    private static final List<String> NO_YES = List.of("no", "yes");

    private TrialSubjectData() {
    }

    public static SubjectData from(TrialStore store) throws StudyException {
        List<String> arms = store.arms().stream().map(Arm::code).toList();
        List<SubjectRecord> records = new ArrayList<>();
        store.forEachSubjectRecord(r -> {
            if (r.subject().armCode() != null) {
                records.add(r);
            }
        });
        int n = records.size();
        SubjectData.Builder b = SubjectData.builder(arms);
        b.subjects(records.stream().map(r -> r.subject().id()).toList(), records.stream().map(r -> r.subject().armCode()).toList());
        boolean[] itt = new boolean[n];
        boolean[] pp = new boolean[n];
        for (int i = 0; i < n; i++) {
            SubjectStatus s = records.get(i).subject().status();
            itt[i] = true;
            pp[i] = s != SubjectStatus.LOST_TO_FOLLOW_UP && s != SubjectStatus.WITHDRAWN;
        }
        b.population("ITT", itt).population("PP", pp);
        if (records.stream().anyMatch(r -> r.subject().stratum() != null)) {
            b.stratum("stratum", records.stream().map(r -> r.subject().stratum()).toArray(String[]::new));
        }
        for (VariableDefinition d : store.variableDefinitions()) {
            baseline(b, d, records);
        }
        List<String> visitOrder = store.visitDefinitions().stream().map(VisitDefinition::id).toList();
        for (String instrumentId : instrumentsAnswered(records)) {
            Optional<Instrument> inst = store.instruments().find(instrumentId);
            if (inst.isPresent()) {
                scores(b, inst.get(), records, visitOrder);
            }
        }
        boolean simulated = store.simulated();
        b.describe(simulated, (simulated ? "SIMULATED data: " : "") + store.study().name() + ", " + n + " randomized subjects");
        return b.build();
    }

    private static void baseline(SubjectData.Builder b, VariableDefinition d, List<SubjectRecord> records) {
        int n = records.size();
        if (d.choices().isEmpty()) {
            if (d.type() != VariableType.INTEGER && d.type() != VariableType.NUMBER) {
                return;
            }
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                VariableValue x = records.get(i).baseline().get(d.name());
                v[i] = x != null && x.isNumber() ? x.number() : Double.NaN;
            }
            b.numeric(d.name(), null, v);
            return;
        }
        List<String> keys = new ArrayList<>(d.choices().keySet());
        VariableKind kind = VariableKind.CATEGORICAL;
        if (d.type() == VariableType.INTEGER || d.type() == VariableType.NUMBER) {
            keys.sort((x, y) -> Double.compare(Double.parseDouble(x), Double.parseDouble(y)));
            kind = keys.size() == 2 ? VariableKind.BINARY : VariableKind.ORDINAL;
        }
        List<String> labels = keys.stream().map(k -> d.choices().get(k)).toList();
        if (kind == VariableKind.BINARY && keys.equals(List.of("0", "1"))) {
            labels = NO_YES;
        }
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            VariableValue x = records.get(i).baseline().get(d.name());
            codes[i] = x == null ? -1 : indexOf(keys, x);
        }
        b.coded(d.name(), kind, labels, null, codes);
    }

    private static int indexOf(List<String> keys, VariableValue x) {
        if (x.isNumber()) {
            for (int k = 0; k < keys.size(); k++) {
                if (Double.parseDouble(keys.get(k)) == x.number()) {
                    return k;
                }
            }
            return -1;
        }
        return keys.indexOf(x.text());
    }

    private static List<String> instrumentsAnswered(List<SubjectRecord> records) {
        List<String> out = new ArrayList<>();
        for (SubjectRecord r : records) {
            for (Map<String, Map<String, Double>> byInstrument : r.answers().values()) {
                for (String id : byInstrument.keySet()) {
                    if (!out.contains(id)) {
                        out.add(id);
                    }
                }
            }
        }
        return out;
    }

    private static void scores(SubjectData.Builder b, Instrument inst, List<SubjectRecord> records, List<String> visitOrder) {
        int n = records.size();
        List<String> visits = new ArrayList<>();
        for (String v : visitOrder) {
            if (records.stream().anyMatch(r -> r.answers().getOrDefault(v, Map.of()).containsKey(inst.id()))) {
                visits.add(v);
            }
        }
        for (String visit : visits) {
            Score[] scored = new Score[n];
            for (int i = 0; i < n; i++) {
                Map<String, Double> items = records.get(i).answers().getOrDefault(visit, Map.of()).get(inst.id());
                if (items != null && !items.isEmpty()) {
                    try {
                        scored[i] = inst.score(items);
                    } catch (IllegalArgumentException e) {
                        scored[i] = null; // not scorable under the instrument's missing-item rule: missing
                    }
                }
            }
            switch (inst.id()) {
                case "macnab" -> macnab(b, inst, visit, scored);
                case "complications" -> complications(b, inst, visit, scored);
                case "sf36" -> subscores(b, "sf36_", visit, scored);
                default -> b.numeric(inst.id(), visit, totals(scored));
            }
        }
    }

    private static double[] totals(Score[] scored) {
        double[] v = new double[scored.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = scored[i] == null ? Double.NaN : scored[i].score();
        }
        return v;
    }

    private static void subscores(SubjectData.Builder b, String prefix, String visit, Score[] scored) {
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int i = 0; i < scored.length; i++) {
            if (scored[i] == null) {
                continue;
            }
            for (Map.Entry<String, Double> e : scored[i].subscores().entrySet()) {
                double[] col = columns.computeIfAbsent(e.getKey(), k -> {
                    double[] c = new double[scored.length];
                    Arrays.fill(c, Double.NaN);
                    return c;
                });
                col[i] = e.getValue() == null ? Double.NaN : e.getValue();
            }
        }
        columns.forEach((k, v) -> b.numeric(prefix + k, visit, v));
    }

    private static void macnab(SubjectData.Builder b, Instrument inst, String visit, Score[] scored) {
        Item item = inst.items().get(0);
        List<Double> values = new ArrayList<>(item.choices().keySet());
        List<String> labels = new ArrayList<>(item.choices().values());
        int[] codes = new int[scored.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = scored[i] == null ? -1 : values.indexOf(scored[i].score());
        }
        b.coded("macnab", VariableKind.ORDINAL, labels, visit, codes);
    }

    private static void complications(SubjectData.Builder b, Instrument inst, String visit, Score[] scored) {
        int n = scored.length;
        for (Item item : inst.items()) {
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                Double v = scored[i] == null ? null : scored[i].subscores().get(item.id());
                codes[i] = v == null || v.isNaN() ? -1 : (v > 0 ? 1 : 0);
            }
            b.coded(item.id(), VariableKind.BINARY, NO_YES, visit, codes);
        }
        int[] serious = new int[n];
        for (int i = 0; i < n; i++) {
            serious[i] = scored[i] == null ? -1 : (scored[i].score() > 0 ? 1 : 0);
        }
        b.coded("serious_complication", VariableKind.BINARY, NO_YES, visit, serious);
    }
}
