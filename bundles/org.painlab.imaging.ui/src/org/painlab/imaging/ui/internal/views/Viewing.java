package org.painlab.imaging.ui.internal.views;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.painlab.imaging.Volume;

/** Shows a volume in the slice viewer and, when it has a mask, its features in the feature table. */
public final class Viewing {
    private Viewing() {
    }

    /** Call on the UI thread. */
    public static void show(IWorkbenchPage page, Volume image, Volume mask, String title) {
        try {
            SliceViewerView viewer = (SliceViewerView) page.showView(SliceViewerView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
            viewer.show(image, mask, title);
            FeatureTableView features = (FeatureTableView) page.showView(FeatureTableView.ID, null,
                    IWorkbenchPage.VIEW_CREATE);
            if (mask != null) {
                features.compute(image, mask, title);
            } else {
                features.clear(title + " has no mask: features are computed inside a region of interest.");
            }
            page.activate(viewer);
        } catch (PartInitException e) {
            VolumeListView.logged(e);
        }
    }
}
