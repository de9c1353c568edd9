package org.painlab.core.ui.internal.perspectives;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.painlab.core.ui.internal.ErrorLogOpener;

/**
 * The frame every PainLab perspective shares: Study Explorer on the left, so the selected study stays in view
 * when switching, and at the bottom the places of the Error Log and the Audit Trail. Those two open there from
 * Window > Show View, and the Error Log by itself when an error is logged ({@link ErrorLogOpener}); they are not
 * open at start, because the Error Log in front cost the cold start about 0.15 s and the Audit Trail loads
 * NatTable. An area's own views stacked with them (Clinical's Repeated Forms) show there from the start. Progress
 * shows in the status line's progress indicator; its double-click (or Window > Show View) opens the Progress
 * view, which PainLab defines itself (the workbench's own view, which {@code org.eclipse.ui.ide} defines in the
 * IDE). The first window builds no more than it shows.
 */
final class Layouts {
    static final String EXPLORER = "org.painlab.core.ui.studyExplorer";
    static final String DASHBOARD = "org.painlab.core.ui.dashboard";
    static final String ERROR_LOG = ErrorLogOpener.VIEW_ID;
    static final String AUDIT = "org.painlab.core.ui.auditLog";
    static final String RESULT = "org.painlab.core.ui.result";

    private Layouts() {
    }

    /** Adds the shared frame and returns the folder above the editor area for the area's own views. */
    static IFolderLayout frame(IPageLayout layout, String areaFolderId) {
        String editor = layout.getEditorArea();
        IFolderLayout left = layout.createFolder(areaFolderId + ".left", IPageLayout.LEFT, 0.22f, editor);
        left.addView(EXPLORER);
        IFolderLayout bottom = layout.createFolder(areaFolderId + ".bottom", IPageLayout.BOTTOM, 0.72f, editor);
        bottom.addPlaceholder(ERROR_LOG);
        bottom.addPlaceholder(AUDIT);
        IFolderLayout top = layout.createFolder(areaFolderId, IPageLayout.TOP, 0.6f, editor);
        top.addPlaceholder(RESULT); // stored results open beside the area's views, in every perspective
        // No editors yet: the area folder takes the editor area's room until an area brings forms.
        layout.setEditorAreaVisible(false);
        layout.addShowViewShortcut(EXPLORER);
        layout.addShowViewShortcut(DASHBOARD);
        layout.addShowViewShortcut(ERROR_LOG);
        layout.addShowViewShortcut(AUDIT);
        layout.addShowViewShortcut(RESULT);
        layout.addShowViewShortcut(IPageLayout.ID_PROGRESS_VIEW);
        for (String p : new String[] { ClinicalPerspective.ID, ImagingPerspective.ID, MechanismPerspective.ID,
                LiteraturePerspective.ID }) {
            layout.addPerspectiveShortcut(p);
        }
        return top;
    }
}
