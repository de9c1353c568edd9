package org.painlab.imaging.ui.internal.handlers;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.VolumeReaders;
import org.painlab.imaging.ui.internal.views.SliceViewerView;
import org.painlab.imaging.ui.internal.views.Viewing;

/**
 * Opens a volume file of any installed format (NRRD, NIfTI-1, MetaImage and contributed readers) in the
 * slice viewer, or a mask over the volume shown. Files are read in a job; a bad file is reported with the
 * reader's message, which names the file and the header field.
 */
public final class VolumeFiles {
    /** Family of the reading jobs. */
    public static final Object JOB_FAMILY = new Object();

    private VolumeFiles() {
    }

    /** Asks for a file, then opens it (as the mask of the shown volume when {@code asMask}). */
    public static void openWithDialog(Shell shell, IWorkbenchPage page, boolean asMask) {
        FileDialog d = new FileDialog(shell, SWT.OPEN);
        d.setText(asMask ? "Open Mask File" : "Open Volume File");
        Set<String> patterns = new LinkedHashSet<>();
        for (VolumeReaders.ReaderInfo r : new VolumeReaders().list()) {
            r.extensions().forEach(e -> patterns.add("*" + e));
        }
        d.setFilterExtensions(new String[] { String.join(";", patterns), "*" });
        d.setFilterNames(new String[] { "Volumes (" + String.join(", ", patterns) + ")", "All files" });
        String chosen = d.open();
        if (chosen != null) {
            open(page, Path.of(chosen), asMask);
        }
    }

    /**
     * Reads the file in a job and shows it.
     *
     * @return the job
     */
    public static Job open(IWorkbenchPage page, Path file, boolean asMask) {
        Display display = page.getWorkbenchWindow().getShell().getDisplay();
        Job job = new Job("Reading " + file.getFileName()) {
            @Override
            protected IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
                try {
                    Volume v = new VolumeReaders().read(file);
                    display.asyncExec(() -> shown(page, file, v, asMask));
                    return Status.OK_STATUS;
                } catch (ImagingException e) {
                    display.asyncExec(() -> MessageDialog.openError(page.getWorkbenchWindow().getShell(),
                            asMask ? "Open Mask File" : "Open Volume File", e.getMessage()));
                    return Status.warning(e.getMessage(), e);
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job.schedule();
        return job;
    }

    private static void shown(IWorkbenchPage page, Path file, Volume v, boolean asMask) {
        if (!asMask) {
            Viewing.show(page, v, null, file.getFileName().toString());
            return;
        }
        try {
            SliceViewerView view = (SliceViewerView) page.showView(SliceViewerView.ID);
            Volume image = view.viewer().image();
            if (image == null) {
                MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Open Mask File",
                        "Open a volume first: a mask is drawn over the volume shown.");
                return;
            }
            if (!v.sameGeometry(image)) {
                MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Open Mask File", file
                        + ": the mask's grid (" + v.nx() + " x " + v.ny() + " x " + v.nz() + ", spacing and origin)"
                        + " differs from the volume's (" + image.nx() + " x " + image.ny() + " x " + image.nz() + ")");
                return;
            }
            String title = view.getContentDescription();
            Viewing.show(page, image, v, (title == null || title.isBlank() ? "volume" : title.replaceAll(" \\+ mask .*$", ""))
                    + " + mask " + file.getFileName());
        } catch (PartInitException e) {
            org.eclipse.core.runtime.ILog.of(VolumeFiles.class).error(e.getMessage(), e);
        }
    }
}
