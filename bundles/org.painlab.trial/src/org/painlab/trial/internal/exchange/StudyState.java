package org.painlab.trial.internal.exchange;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.painlab.core.StudyException;
import org.painlab.trial.store.Arm;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.VariableDefinition;
import org.painlab.trial.store.VisitDefinition;

/** What an import checks against: the study's arms, visits, variables and subjects. */
public final class StudyState {
    final Set<String> arms;
    final Set<String> visits;
    final Map<String, VariableDefinition> variables;
    final Set<String> subjectIds;
    final Set<Integer> allocationSeqs;
    final boolean scheduleEmpty;
    final boolean datasetLocked;

    private StudyState(Set<String> arms, Set<String> visits, Map<String, VariableDefinition> variables, Set<String> subjectIds,
            Set<Integer> allocationSeqs, boolean scheduleEmpty, boolean datasetLocked) {
        this.arms = Collections.unmodifiableSet(arms);
        this.visits = Collections.unmodifiableSet(visits);
        this.variables = Collections.unmodifiableMap(variables);
        this.subjectIds = subjectIds;
        this.allocationSeqs = allocationSeqs;
        this.scheduleEmpty = scheduleEmpty;
        this.datasetLocked = datasetLocked;
    }

    /**
     * Reads the state of a study.
     *
     * @param store the study's trial store
     * @return the state
     * @throws StudyException on a database error
     */
    public static StudyState load(TrialStore store) throws StudyException {
        Set<String> arms = new LinkedHashSet<>();
        for (Arm a : store.arms()) {
            arms.add(a.code());
        }
        Set<String> visits = new LinkedHashSet<>();
        for (VisitDefinition v : store.visitDefinitions()) {
            visits.add(v.id());
        }
        Map<String, VariableDefinition> vars = new LinkedHashMap<>();
        for (VariableDefinition d : store.variableDefinitions()) {
            vars.put(d.name(), d);
        }
        Set<String> ids = new HashSet<>();
        Set<Integer> seqs = new HashSet<>();
        for (Subject s : store.subjects()) {
            ids.add(s.id());
            if (s.allocationSeq() != null) {
                seqs.add(s.allocationSeq());
            }
        }
        return new StudyState(arms, visits, vars, ids, seqs, store.schedule().isEmpty(), store.locks().datasetLocked());
    }

    /**
     * The state after the plan's design was created.
     *
     * @param plan the design found in the file
     * @return the new state
     */
    StudyState with(ImportChecker.Plan plan) {
        Set<String> a = new LinkedHashSet<>(arms);
        a.addAll(plan.arms().keySet());
        Set<String> v = new LinkedHashSet<>(visits);
        v.addAll(plan.visits().keySet());
        Map<String, VariableDefinition> vars = new LinkedHashMap<>(variables);
        plan.variables().forEach(vars::putIfAbsent);
        return new StudyState(a, v, vars, subjectIds, allocationSeqs, scheduleEmpty && plan.schedule().isEmpty(), datasetLocked);
    }

    /**
     * Whether the dataset is locked (nothing can be imported).
     *
     * @return true when locked
     */
    public boolean datasetLocked() {
        return datasetLocked;
    }
}
