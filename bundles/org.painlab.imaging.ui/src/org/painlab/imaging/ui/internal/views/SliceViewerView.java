package org.painlab.imaging.ui.internal.views;

import org.eclipse.jface.action.Action;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.painlab.imaging.Volume;
import org.painlab.imaging.ui.internal.handlers.VolumeFiles;
import org.painlab.imaging.ui.internal.viewer.SliceViewer;

/** The orthogonal slice viewer as a view: shows the volume chosen in Volumes or opened from a file. */
public final class SliceViewerView extends ViewPart {
    public static final String ID = "org.painlab.imaging.ui.sliceViewer";
    private SliceViewer viewer;

    @Override
    public void createPartControl(Composite parent) {
        viewer = new SliceViewer(parent);
        var bars = getViewSite().getActionBars().getToolBarManager();
        bars.add(new Action("Open Volume File...") {
            @Override
            public void run() {
                VolumeFiles.openWithDialog(getSite().getShell(), getSite().getPage(), false);
            }
        });
        bars.add(new Action("Open Mask File...") {
            @Override
            public void run() {
                VolumeFiles.openWithDialog(getSite().getShell(), getSite().getPage(), true);
            }
        });
    }

    /** Shows a volume with its mask (or null). */
    public void show(Volume image, Volume mask, String title) {
        viewer.show(image, mask, title);
        setContentDescription(title);
    }

    public SliceViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.control().setFocus();
    }
}
