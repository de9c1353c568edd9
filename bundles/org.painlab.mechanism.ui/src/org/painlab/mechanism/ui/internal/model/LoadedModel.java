package org.painlab.mechanism.ui.internal.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.sbml.ModelNotes;
import org.painlab.mechanism.sensitivity.SensitivityAnalysis;

/**
 * A model open in the Mechanism perspective: a built-in one (by its library id) or an SBML file the user
 * opened, with what its file says beyond the mathematics.
 *
 * @param source the library id, or the file's path
 * @param label what the outline shows
 * @param model the model as the engine read it
 * @param notes units and notes from the file
 * @param sbml the file's text (for a file; null for a built-in, which analyses name by id)
 */
public record LoadedModel(String source, String label, Model model, ModelNotes notes, String sbml) {
    /** Whether it is an installed model (analyses refer to it by id) rather than a file. */
    public boolean builtIn() {
        return sbml == null;
    }

    /** The parameters naming this model to the sensitivity analysis (id, or the SBML text so a re-run finds it). */
    public Map<String, String> analysisParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (builtIn()) {
            p.put(SensitivityAnalysis.MODEL, source);
        } else {
            p.put(SensitivityAnalysis.SBML, sbml);
        }
        return p;
    }

    /** The time unit for axis titles: the declared one, else "time". */
    public String timeUnit() {
        return notes.timeUnits().isEmpty() ? "time" : notes.timeUnits();
    }

    /** A sensible length for a run: half a year for models in days, three days for hours, else 100. */
    public double defaultDuration() {
        return switch (notes.timeUnits()) {
            case "day" -> 180;
            case "hour" -> 72;
            default -> 100;
        };
    }
}
