package org.painlab.core.ui.internal;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;

/** Default values of the PainLab preferences. */
public final class PreferenceDefaults extends AbstractPreferenceInitializer {
    @Override
    public void initializeDefaultPreferences() {
        var node = DefaultScope.INSTANCE.getNode(Preferences.NODE);
        node.putBoolean(Preferences.OPEN_DEMO, true);
        node.put(Preferences.STUDY_FOLDER, Preferences.defaultStudyFolder().toString());
        node.put(Preferences.AUDIT_ACTOR, System.getProperty("user.name", "unknown"));
    }
}
