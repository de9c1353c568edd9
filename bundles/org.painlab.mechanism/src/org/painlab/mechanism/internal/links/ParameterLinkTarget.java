package org.painlab.mechanism.internal.links;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.link.LinkTarget;
import org.painlab.mechanism.ModelLibrary;
import org.painlab.mechanism.ParameterLinks;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sbml.ModelNotes;
import org.painlab.mechanism.sbml.Sbml;

/**
 * Links to a parameter of a mechanism model (key as {@link ParameterLinks}: {@code <model>#<parameter>}),
 * labelled "Parameter k_heal of model neuroinflammation-sensitization (0.1 per_day)" with the value and
 * units the model declares now. Gone when the model is no longer installed (or its file in the study was
 * deleted) or no longer has the parameter.
 */
public final class ParameterLinkTarget implements LinkTarget {
    @Override
    public Optional<String> resolve(Study study, String key) throws StudyException {
        int hash = key.lastIndexOf('#');
        if (hash <= 0 || hash == key.length() - 1) {
            return Optional.empty();
        }
        String modelKey = key.substring(0, hash).strip();
        String parameterId = key.substring(hash + 1).strip();
        Optional<String> text = text(study, modelKey);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Model model;
        try {
            model = Sbml.read(new ByteArrayInputStream(text.get().getBytes(StandardCharsets.UTF_8)), modelKey);
        } catch (ModelException | UnsupportedFeatureException e) {
            // the model is there but no longer readable: say why rather than calling the parameter gone
            throw new StudyException(study.folder() + ": " + ParameterLinks.TARGET + " " + key + ": " + e.getMessage(), e);
        }
        Optional<Parameter> p = model.parameter(parameterId);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        String units = ModelNotes.read(text.get()).units(parameterId);
        double v = p.get().value();
        String value = Double.isNaN(v) ? "set by a formula" : number(v) + (units.isEmpty() ? "" : " " + units);
        return Optional.of("Parameter " + parameterId + " of model " + modelKey + " (" + value + ")");
    }

    /** The model's SBML: an installed model by id, else a file inside the study folder; empty when neither. */
    private static Optional<String> text(Study study, String modelKey) throws StudyException {
        try {
            Optional<String> installed = new ModelLibrary().text(modelKey);
            if (installed.isPresent()) {
                return installed;
            }
        } catch (ModelException e) {
            throw new StudyException(study.folder() + ": model " + modelKey + ": " + e.getMessage(), e);
        }
        Path dir = study.folder().toAbsolutePath().normalize();
        Path file;
        try {
            file = dir.resolve(modelKey).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        // only files of the study itself: a key must not reach outside the folder the study was copied with
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StudyException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The value as written in a model file: 0.35, 2, 1e-06. */
    private static String number(double v) {
        if (Double.isInfinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e9)) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
