package org.painlab.core.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.painlab.core.Study;

/** The workbench's preference keys and the studies remembered between sessions. */
public final class Preferences {
    public static final String NODE = "org.painlab.core.ui";
    /** Open the simulated demo study when no study was open at the last exit. */
    public static final String OPEN_DEMO = "openDemoOnStartup";
    /** Folder proposed for new studies. */
    public static final String STUDY_FOLDER = "studyFolder";
    /** The name written as actor into the audit trail. */
    public static final String AUDIT_ACTOR = "auditActor";
    static final String OPEN_STUDIES = "openStudies";

    private Preferences() {
    }

    static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    public static boolean openDemoOnStartup() {
        return Platform.getPreferencesService().getBoolean(NODE, OPEN_DEMO, true, null);
    }

    public static Path studyFolder() {
        String v = Platform.getPreferencesService().getString(NODE, STUDY_FOLDER, "", null);
        return v.isBlank() ? defaultStudyFolder() : Path.of(v);
    }

    static Path defaultStudyFolder() {
        return Path.of(System.getProperty("user.home"), "PainLab", "studies");
    }

    static void rememberOpenStudies(List<Study> studies) {
        node().put(OPEN_STUDIES, studies.stream().map(s -> s.folder().toString()).collect(Collectors.joining("\n")));
        try {
            node().flush();
        } catch (BackingStoreException e) {
            // losing the list of open studies only means the user reopens them by hand
        }
    }

    static List<Path> rememberedStudies() {
        List<Path> out = new ArrayList<>();
        for (String line : node().get(OPEN_STUDIES, "").split("\n")) {
            if (!line.isBlank()) {
                out.add(Path.of(line));
            }
        }
        return out;
    }
}
