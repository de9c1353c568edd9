package org.painlab.imaging.ui.internal.views;

import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.features.Feature;
import org.painlab.imaging.features.FeatureExtractor;
import org.painlab.imaging.features.FeatureSet;
import org.painlab.imaging.features.FeatureSettings;

/**
 * The IBSI features of the volume and mask shown in the slice viewer, computed in a job with the default
 * settings (32 bins, 3D averaged and merged); the grid's menu exports them to CSV or XLSX.
 */
public final class FeatureTableView extends ViewPart {
    public static final String ID = "org.painlab.imaging.ui.features";
    /** Family of the feature extraction jobs. */
    public static final Object JOB_FAMILY = new Object();
    private DataGrid<Feature> grid;
    private Label summary;
    private FeatureSet shown;

    @Override
    public void createPartControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        summary = new Label(c, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        summary.setText("Select a volume with a mask: its IBSI features are computed here.");
        grid = DataGrid.<Feature>builder().name("IBSI features")
                .column(ColumnSpec.text("code", "IBSI code", Feature::ibsiCode))
                .column(ColumnSpec.text("family", "Family", Feature::family))
                .column(ColumnSpec.text("name", "Feature", Feature::name))
                .column(ColumnSpec.text("aggregation", "Aggregation", f -> f.aggregation() == null ? "" : f.aggregation()))
                .column(ColumnSpec.number("value", "Value", Feature::value))
                .width("name", 260).width("family", 170).width("aggregation", 150).width("value", 120)
                .build(c);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    }

    /** Computes the features of the image inside the mask in a job; the table shows them when done. */
    public Job compute(Volume image, Volume mask, String title) {
        Display display = getSite().getShell().getDisplay();
        summary.setText("Computing the IBSI features of " + title + "...");
        Job job = new Job("IBSI features of " + title) {
            @Override
            protected IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
                try {
                    FeatureSet set = new FeatureExtractor().extract(image, mask, FeatureSettings.defaults());
                    grid.setRows(set.features());
                    display.asyncExec(() -> shown(set, title));
                    return Status.OK_STATUS;
                } catch (ImagingException | IllegalArgumentException e) {
                    display.asyncExec(() -> {
                        if (!summary.isDisposed()) {
                            summary.setText(title + ": " + e.getMessage());
                        }
                    });
                    return Status.warning(title + ": " + e.getMessage(), e);
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job.setUser(false);
        job.schedule();
        return job;
    }

    /** Clears the table and says why (a volume without mask has no region to measure). */
    public void clear(String why) {
        shown = null;
        grid.setRows(List.of());
        grid.control().refresh(false);
        summary.setText(why);
    }

    private void shown(FeatureSet set, String title) {
        if (summary.isDisposed()) {
            return;
        }
        shown = set;
        grid.control().refresh(false);
        summary.setText(String.format(Locale.ROOT, "%s: %d features, ROI %d voxels, %d grey levels (%s)%s", title,
                set.features().size(), set.roiVoxels(), set.greyLevels(), String.valueOf(set.settings().discretisation().describe()).replaceAll("[{}]", ""),
                set.skipped().isEmpty() ? "" : "; skipped: " + set.skipped().size()));
    }

    /** The feature set shown, or null. */
    public FeatureSet featureSet() {
        return shown;
    }

    public DataGrid<Feature> grid() {
        return grid;
    }

    @Override
    public void setFocus() {
        grid.control().setFocus();
    }
}
