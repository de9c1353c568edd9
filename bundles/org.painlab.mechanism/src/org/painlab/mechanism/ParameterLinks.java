package org.painlab.mechanism;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The keys of link target {@value #TARGET} (a parameter of a mechanism model, contributed by this bundle to
 * {@code org.painlab.core.linkTargets}): {@code <model>#<parameter>}, where the model is an installed model's
 * id ({@code neuroinflammation-sensitization#k_heal}) or an SBML file inside the study folder, by its path
 * relative to the folder with forward slashes ({@code models/my-model.xml#k1}). A file outside the study
 * cannot be linked: the link would break when the study is copied or moved.
 *
 * @since 0.1
 */
public final class ParameterLinks {
    /** The link target id. */
    public static final String TARGET = "parameter";

    private ParameterLinks() {
    }

    /** The key of parameter {@code parameterId} of the installed model {@code modelId}. */
    public static String key(String modelId, String parameterId) {
        return modelId + "#" + parameterId;
    }

    /**
     * The key of a parameter of the model in SBML file {@code file}.
     *
     * @param studyFolder the study's folder
     * @return the key, or empty when the file is not inside the study folder
     */
    public static Optional<String> fileKey(Path studyFolder, Path file, String parameterId) {
        Path dir = studyFolder.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        if (!f.startsWith(dir) || f.equals(dir)) {
            return Optional.empty();
        }
        return Optional.of(key(dir.relativize(f).toString().replace('\\', '/'), parameterId));
    }
}
