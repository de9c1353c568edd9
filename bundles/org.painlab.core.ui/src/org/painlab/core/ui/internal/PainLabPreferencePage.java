package org.painlab.core.ui.internal;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** Window > Preferences > PainLab: where studies go, the audit name, the demo at start. */
public final class PainLabPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public PainLabPreferencePage() {
        super(GRID);
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, Preferences.NODE));
        setDescription("General settings of PainLab Workbench.");
    }

    @Override
    public void init(IWorkbench workbench) {
        // the store is set in the constructor; nothing else to prepare
    }

    @Override
    protected void createFieldEditors() {
        addField(new DirectoryFieldEditor(Preferences.STUDY_FOLDER, "Folder for new studies:", getFieldEditorParent()));
        addField(new StringFieldEditor(Preferences.AUDIT_ACTOR, "Name in the audit trail:", getFieldEditorParent()));
        addField(new BooleanFieldEditor(Preferences.OPEN_DEMO,
                "Open the simulated demo study when no study was open at the last exit", getFieldEditorParent()));
    }
}
