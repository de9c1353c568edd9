package org.painlab.core.ui;

import org.eclipse.core.runtime.Platform;

/**
 * The name the workbench writes as "who" into the audit trail (Preferences > PainLab).
 *
 * @since 0.1
 */
public final class AuditActor {
    private AuditActor() {
    }

    public static String current() {
        String v = Platform.getPreferencesService().getString("org.painlab.core.ui", "auditActor", "", null);
        return v.isBlank() ? System.getProperty("user.name", "unknown") : v;
    }
}
