package org.painlab.core.result;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An analysis result as stored in a study, with its provenance: which analysis (by its stable
 * contribution id), with which parameters, on which inputs (a hash), by which code (bundle
 * versions), who ran it and when. Re-running the analysis with the same parameters on the same
 * inputs gives the same body.
 *
 * @param id the result's number in the study
 * @param analysisId the id of the analysis contribution
 * @param title a title for lists and reports
 * @param parameters the parameters it ran with
 * @param inputsHash SHA-256 (hex) over the inputs the analysis read
 * @param versions bundle symbolic name to version, of the analysis and the bundles that provided its data
 * @param created when it was stored
 * @param by who ran it
 * @param body the result itself: JSON-shaped maps, lists, numbers and strings
 * @since 0.1
 */
public record StoredResult(long id, String analysisId, String title, Map<String, String> parameters, String inputsHash,
        Map<String, String> versions, Instant created, String by, Map<String, Object> body) {

    /** The object printed by {@code painlab study results --json} (without the body). */
    public Map<String, Object> provenance() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Long.toString(id));
        m.put("analysis", analysisId);
        m.put("title", title);
        m.put("parameters", parameters);
        m.put("inputs_hash", inputsHash);
        m.put("versions", versions);
        m.put("created", created.toString());
        m.put("by", by);
        return m;
    }
}
