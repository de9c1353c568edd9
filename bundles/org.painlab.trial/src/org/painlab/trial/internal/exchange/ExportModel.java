package org.painlab.trial.internal.exchange;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.painlab.core.StudyException;
import org.painlab.trial.exchange.ColumnNames;
import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.instrument.Item;
import org.painlab.trial.store.Arm;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.VariableDefinition;
import org.painlab.trial.store.VisitDefinition;

/** The design an export writes: arms, visits, variables and the answer columns (visit, instrument, item). */
public final class ExportModel {
    /** One item of an instrument, with its definition when the instrument is installed. */
    public record ExportItem(String id, Item item) {
    }

    /** One answer column of a wide export. */
    public record AnswerColumn(String visit, String instrument, String item, String name) {
    }

    final List<Arm> arms;
    final List<VisitDefinition> visits;
    final List<VariableDefinition> variables;
    final Map<String, String> settings;
    /** Instrument id to items, in schedule order of first use. */
    final Map<String, List<ExportItem>> instruments = new LinkedHashMap<>();
    /** Instrument id to its name. */
    final Map<String, String> instrumentNames = new LinkedHashMap<>();
    /** Visit id to its instruments, in order. */
    final Map<String, List<String>> visitInstruments = new LinkedHashMap<>();
    final List<AnswerColumn> answerColumns = new ArrayList<>();

    /**
     * Reads the design.
     *
     * @param store the store
     * @throws StudyException on a database error
     */
    public ExportModel(TrialStore store) throws StudyException {
        this.arms = store.arms();
        this.visits = store.visitDefinitions();
        this.variables = store.variableDefinitions();
        this.settings = store.settings();
        for (String[] pair : store.assessedPairs()) {
            String visit = pair[0];
            String inst = pair[1];
            List<ExportItem> items = instruments.get(inst);
            if (items == null) {
                items = new ArrayList<>();
                Optional<Instrument> found = store.instruments().find(inst);
                if (found.isPresent()) {
                    instrumentNames.put(inst, found.get().name());
                    for (Item i : found.get().items()) {
                        items.add(new ExportItem(i.id(), i));
                    }
                } else {
                    instrumentNames.put(inst, inst);
                    for (String id : storedItems(store, inst)) {
                        items.add(new ExportItem(id, null));
                    }
                }
                instruments.put(inst, items);
            }
            visitInstruments.computeIfAbsent(visit, k -> new ArrayList<>()).add(inst);
            for (ExportItem i : items) {
                answerColumns.add(new AnswerColumn(visit, inst, i.id(),
                        ColumnNames.answerColumn(inst, visit, items.size() == 1 ? null : i.id())));
            }
        }
    }

    private static List<String> storedItems(TrialStore store, String instrument) throws StudyException {
        return store.study().read(c -> {
            java.util.SortedSet<String> out = new java.util.TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT item_ids FROM trial_answer_set WHERE instrument_id = ?")) {
                ps.setString(1, instrument);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (Object item : (Object[]) rs.getArray(1).getArray()) {
                            out.add((String) item);
                        }
                    }
                }
            }
            return new ArrayList<>(out);
        });
    }

    /** @return whether the data are marked simulated */
    boolean simulated() {
        return "true".equals(settings.get(TrialStore.SETTING_SIMULATED));
    }
}
