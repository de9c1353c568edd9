package org.painlab.trial.internal.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.painlab.trial.store.Numbers;

/**
 * Checks the values of REDCap calculated fields in an ODM file (ItemDefs with {@code redcap:FieldType="calc"}
 * and their formula in {@code redcap:Calculation}) against a recomputation, as the REDCap CSV import
 * does ({@link CalcFormula}): the values a formula uses are those the subject has in the same study
 * event and form instance (REDCap computes within one event and one instance). A value that differs is
 * imported as REDCap gives it and named in a note; a formula that cannot be recomputed is noted once
 * as not checked.
 */
final class OdmCalcCheck {
    /** One calculated item: its field name, formula (null: not recomputed) and what was found. */
    private static final class Calc {
        final String name;
        final String text;
        final CalcFormula formula;
        long checked;
        long differ;
        String first;

        Calc(String name, String text, CalcFormula formula) {
            this.name = name;
            this.text = text;
            this.formula = formula;
        }
    }

    /** A calculated value waiting for the rest of its subject. */
    private record Given(Calc calc, String context, String value, long line) {
    }

    /** ItemOID to its calculated field. */
    private final Map<String, Calc> calcs = new LinkedHashMap<>();
    /** ItemOID to the REDCap field name formulas use for it. */
    private final Map<String, String> names = new HashMap<>();
    /** The current subject's values: context to field name to value ("" when given twice differently). */
    private final Map<String, Map<String, String>> values = new HashMap<>();
    private final List<Given> pending = new ArrayList<>();

    /**
     * Declares an ItemDef.
     *
     * @param oid its OID
     * @param name the REDCap field name ({@code redcap:Variable}, else its Name, else the OID)
     * @param calculation its {@code redcap:Calculation}, or null when it is no calculated field
     * @param checker receives the note for a formula that is not recomputed
     */
    void define(String oid, String name, String calculation, ImportChecker checker) {
        names.put(oid, name);
        if (calculation == null || calculation.isBlank() || calcs.containsKey(oid)) {
            return;
        }
        CalcFormula formula = null;
        try {
            formula = CalcFormula.parse(calculation);
        } catch (CalcFormula.Unsupported e) {
            checker.note("calculated field " + name + ": its formula " + calculation + " is not checked (the workbench recomputes "
                    + "only arithmetic on fields; it met " + e.getMessage() + "); its values are imported as REDCap gives them");
        }
        calcs.put(oid, new Calc(name, calculation, formula));
    }

    /** @return whether the file defines any calculated field */
    boolean any() {
        return !calcs.isEmpty();
    }

    /**
     * Takes one value of the current subject.
     *
     * @param context the study event and form instance it was given in
     * @param oid the ItemOID
     * @param value the value
     * @param line its line
     */
    void value(String context, String oid, String value, long line) {
        String name = names.getOrDefault(oid, oid);
        Map<String, String> m = values.computeIfAbsent(context, k -> new HashMap<>());
        String prev = m.putIfAbsent(name, value);
        if (prev != null && !prev.equals(value)) {
            m.put(name, "");
        }
        Calc c = calcs.get(oid);
        if (c != null && c.formula != null) {
            pending.add(new Given(c, context, value, line));
        }
    }

    /**
     * Checks the calculated values of the subject just read, then forgets its values.
     *
     * @param record the subject, for the note
     */
    void endSubject(String record) {
        for (Given g : pending) {
            if (!Numbers.isNumber(g.value())) {
                continue;
            }
            Map<String, String> m = values.getOrDefault(g.context(), Map.of());
            Map<String, Double> args = new HashMap<>();
            boolean complete = true;
            for (String f : g.calc().formula.fields()) {
                String v = m.get(f);
                if (v == null || !Numbers.isNumber(v)) {
                    // REDCap leaves a formula on an empty field empty: nothing to compare
                    complete = false;
                    break;
                }
                args.put(f, Numbers.parseNumber(v));
            }
            if (!complete) {
                continue;
            }
            Calc c = g.calc();
            double expected = c.formula.compute(args);
            double actual = Numbers.parseNumber(g.value());
            c.checked++;
            if (Double.isNaN(expected) || Math.abs(expected - actual) > 1e-9 * Math.max(1, Math.abs(expected))) {
                c.differ++;
                if (c.first == null) {
                    c.first = "record " + record + " line " + g.line() + ": " + g.value() + " in the file, " + Numbers.format(expected)
                            + " recomputed";
                }
            }
        }
        pending.clear();
        values.clear();
    }

    /**
     * Notes what the checks found, once per calculated field.
     *
     * @param checker receives the notes
     */
    void report(ImportChecker checker) {
        Set<String> done = new HashSet<>();
        for (Calc c : calcs.values()) {
            if (c.formula == null || c.checked == 0 || !done.add(c.name)) {
                continue;
            }
            if (c.differ == 0) {
                checker.note("calculated field " + c.name + ": all " + c.checked + " values agree with a recomputation of " + c.text);
            } else {
                checker.note("calculated field " + c.name + ": " + c.differ + " of " + c.checked + " values differ from a recomputation of "
                        + c.text + " (first: " + c.first + "); imported as REDCap gives them");
            }
        }
    }
}
