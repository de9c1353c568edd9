package org.painlab.core.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.data.StudyData;
import org.painlab.core.extension.Contribution;
import org.painlab.core.io.JsonText;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;

/**
 * Runs an installed analysis on a study and stores its result with provenance (analysis id,
 * parameters, a SHA-256 of its inputs, the versions of the bundles involved, who and when). The
 * workbench and {@code painlab} both run analyses through here, so every analysis a user runs is
 * stored.
 *
 * @since 0.1
 */
public final class AnalysisRunner {
    private static final String CORE = "org.painlab.core";
    private final Analyses analyses;
    private final StudyData data;

    /** Uses the installed analyses and data providers. */
    public AnalysisRunner() {
        this(new Analyses(), new StudyData());
    }

    /**
     * @param analyses the analyses to run
     * @param data the data providers whose bundles are recorded
     */
    public AnalysisRunner(Analyses analyses, StudyData data) {
        this.analyses = analyses;
        this.data = data;
    }

    /**
     * Runs the analysis and stores its result.
     *
     * @param study an open study
     * @param analysisId the analysis' contribution id
     * @param parameters its parameters
     * @param by who runs it (for the provenance and the audit trail)
     * @param monitor progress and cancellation; a cancelled run stores nothing
     * @return the stored result
     * @throws StudyException if the analysis is unknown or fails; nothing is stored then
     */
    public StoredResult run(Study study, String analysisId, Map<String, String> parameters, String by,
            IProgressMonitor monitor) throws StudyException {
        IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
        Contribution<Analysis> c = analyses.require(analysisId);
        Map<String, String> params = new TreeMap<>(parameters == null ? Map.of() : parameters);
        AnalysisResult r = Analyses.create(c).run(study, params, m);
        if (m.isCanceled()) {
            throw new OperationCanceledException();
        }
        return store(study, c, params, r, by);
    }

    /**
     * Stores a result that a front end computed itself through the analysis' own API (for example
     * to write a report file from the same computation), with the same provenance as {@link #run}.
     *
     * @param study an open study
     * @param analysisId the installed analysis that computed it
     * @param parameters the parameters it ran with
     * @param result what it returned
     * @param by who ran it
     * @return the stored result
     * @throws StudyException if the analysis is not installed or the study cannot be written
     */
    public StoredResult record(Study study, String analysisId, Map<String, String> parameters, AnalysisResult result,
            String by) throws StudyException {
        return store(study, analyses.require(analysisId), new TreeMap<>(parameters == null ? Map.of() : parameters),
                result, by);
    }

    private StoredResult store(Study study, Contribution<Analysis> c, Map<String, String> params, AnalysisResult r,
            String by) throws StudyException {
        String inputs = hash(r.inputs());
        Map<String, String> versions = versions(c);
        ResultStore results = new ResultStore(study);
        // the same analysis, parameters, inputs and code give the same body: keep the first such result
        var same = results.findSame(c.id(), params, inputs, versions);
        if (same.isPresent()) {
            return same.get();
        }
        StoredResult unsaved = new StoredResult(0, c.id(), r.title(), params, inputs, versions, null,
                by == null || by.isBlank() ? System.getProperty("user.name", "unknown") : by, r.body());
        return results.add(unsaved);
    }

    /**
     * Runs a stored result's analysis again with its parameters, without storing anything, and
     * compares: the re-run reproduces the result when its inputs hash and its body are the same.
     *
     * @param study an open study
     * @param resultId a stored result
     * @param monitor progress and cancellation
     * @return the comparison
     * @throws StudyException if there is no such result or the analysis fails
     */
    public Check check(Study study, long resultId, IProgressMonitor monitor) throws StudyException {
        StoredResult old = new ResultStore(study).get(resultId)
                .orElseThrow(() -> new StudyException(study.folder() + ": no stored result " + resultId));
        Contribution<Analysis> c = analyses.require(old.analysisId());
        AnalysisResult fresh = Analyses.create(c).run(study, new TreeMap<>(old.parameters()),
                monitor == null ? new NullProgressMonitor() : monitor);
        String inputs = hash(fresh.inputs());
        // compare as stored: through the same JSON text, so numbers compare by their full double text
        boolean sameBody = JsonText.write(old.body()).equals(JsonText.write(JsonText.readObject(JsonText.write(fresh.body()))));
        return new Check(old, inputs, inputs.equals(old.inputsHash()), sameBody);
    }

    /**
     * A stored result checked by re-running it.
     *
     * @param stored the stored result
     * @param inputsHash the inputs hash of the re-run
     * @param sameInputs whether the inputs are unchanged
     * @param sameBody whether the re-run gave the same body
     */
    public record Check(StoredResult stored, String inputsHash, boolean sameInputs, boolean sameBody) {
        /** @return true when the re-run reproduced the stored result */
        public boolean reproduced() {
            return sameInputs && sameBody;
        }
    }

    private Map<String, String> versions(Contribution<Analysis> c) {
        Map<String, String> v = new TreeMap<>();
        v.put(CORE, version(CORE));
        v.put(c.contributor(), version(c.contributor()));
        for (Contribution<?> p : data.providers()) {
            v.put(p.contributor(), version(p.contributor()));
        }
        return v;
    }

    private static String version(String bundle) {
        Bundle b = Platform.isRunning() ? Platform.getBundle(bundle) : null;
        return b == null ? "unknown" : b.getVersion().toString();
    }

    /**
     * @param inputs the inputs an analysis reported
     * @return SHA-256 (hex) of their canonical JSON
     */
    public static String hash(Map<String, Object> inputs) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(
                    JsonText.write(inputs == null ? new LinkedHashMap<>() : inputs).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
