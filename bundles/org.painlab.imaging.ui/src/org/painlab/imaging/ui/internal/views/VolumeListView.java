package org.painlab.imaging.ui.internal.views;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.core.ui.link.ItemLinksSection;
import org.painlab.imaging.ImagingException;

/**
 * The volumes of the subject selected in the workbench (the shared {@link OpenStudies} selection, so a
 * subject picked in the Clinical perspective is the one shown here), or of every subject when none is
 * selected. Selecting a volume opens it with its mask in the slice viewer and computes its features; the section
 * under the list shows its links and backlinks (core's links, link target {@code volume}, in core.ui's shared
 * {@link ItemLinksSection}).
 */
public final class VolumeListView extends ViewPart {
    public static final String ID = "org.painlab.imaging.ui.volumes";
    /** Family of the jobs that load a volume for the viewer. */
    public static final Object OPEN_FAMILY = new Object();
    private final StudyVolumes source = new StudyVolumes();
    private OpenStudies studies;
    private final OpenStudies.Listener listener = s -> reload();
    private DataGrid<VolumeEntry> grid;
    private Label heading;
    private ItemLinksSection links;
    private String shownFor = "";

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        heading = new Label(c, SWT.WRAP);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        grid = DataGrid.<VolumeEntry>builder().name("Volumes")
                .column(ColumnSpec.text("subject", "Subject", VolumeEntry::subject))
                .column(ColumnSpec.text("side", "Side", VolumeEntry::side))
                .column(ColumnSpec.text("level", "Level", VolumeEntry::level))
                .column(ColumnSpec.text("dims", "Dims (voxels)", VolumeEntry::dimsText))
                .column(ColumnSpec.text("spacing", "Spacing (mm)", VolumeEntry::spacingText))
                .column(ColumnSpec.number("grade", "MRI grade", VolumeEntry::grade))
                .column(ColumnSpec.text("mask", "Mask", e -> e.hasMask() ? "yes" : "no"))
                .width("dims", 110).width("spacing", 130)
                .onSelection(rows -> {
                    if (rows.size() == 1) {
                        open(rows.get(0));
                    }
                })
                .build(c);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        links = new ItemLinksSection(c, studies);
        links.control().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        links.clear("Select a volume to see what links to it (notes, results, models).");
        studies.addListener(listener);
        reload();
    }

    /** Shows the volumes of the selected study and subject (again). */
    public void reload() {
        if (heading.isDisposed()) {
            return;
        }
        Optional<Study> study = studies.selected();
        String subject = studies.selectedSubject().orElse(null);
        if (study.isEmpty()) {
            shownFor = "";
            heading.setText("No study selected: open one in the Study Explorer.");
            grid.setRows(List.of());
            grid.control().refresh(false);
            return;
        }
        Study s = study.get();
        shownFor = subject == null ? "" : subject;
        heading.setText((subject == null ? "All subjects" : "Subject " + subject) + " of " + s.folder().getFileName()
                + ": loading...");
        grid.load("Volumes of " + (subject == null ? "the study" : subject), () -> source.list(s, subject), r -> {
            if (heading.isDisposed()) {
                return;
            }
            heading.setText(r.failure() != null ? r.failure().getMessage()
                    : (subject == null ? "All subjects" : "Subject " + subject) + ": " + r.rows().size() + " volume"
                            + (r.rows().size() == 1 ? "" : "s"));
        });
    }

    /**
     * The selected volume's links in one line ("Links of volume 12: linked from Mask 13: ..."; "...: none"),
     * or what the links section says while it reads them or when no volume is selected.
     */
    public String details() {
        String item = links.item();
        if (item == null || links.loading() || links.failure() != null) {
            return links.heading();
        }
        List<String> lines = links.lines();
        return "Links of volume " + item.substring(item.indexOf(':') + 1) + ": " + (lines.isEmpty() ? "none" : String.join("; ", lines));
    }

    /** The selected volume's links and backlinks. */
    public ItemLinksSection links() {
        return links;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == ItemLinksSection.class) {
            return adapter.cast(links);
        }
        return super.getAdapter(adapter);
    }

    /** The subject the list shows (empty: every subject). */
    public String subject() {
        return shownFor;
    }

    public DataGrid<VolumeEntry> grid() {
        return grid;
    }

    /** Loads the volume and its mask in a job, then shows them in the viewer and computes their features. */
    public void open(VolumeEntry entry) {
        Optional<Study> study = studies.selected();
        if (study.isEmpty()) {
            return;
        }
        links.show(study.get(), StudyVolumes.VOLUME_TARGET, Long.toString(entry.id()));
        Display display = getSite().getShell().getDisplay();
        Job job = new Job("Loading " + entry.title()) {
            @Override
            protected IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
                try {
                    StudyVolumes.Loaded v = source.load(study.get(), entry);
                    display.asyncExec(() -> Viewing.show(getSite().getPage(), v.image(), v.mask(), entry.title()));
                    return Status.OK_STATUS;
                } catch (StudyException | ImagingException e) {
                    return Status.error(entry.title() + ": " + e.getMessage(), e);
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == OPEN_FAMILY;
            }
        };
        job.schedule();
    }

    @Override
    public void setFocus() {
        grid.control().setFocus();
    }

    @Override
    public void dispose() {
        if (studies != null) {
            studies.removeListener(listener);
        }
        super.dispose();
    }

    /** Opening a view can fail only when the workbench is broken; say so in the log. */
    static void logged(PartInitException e) {
        org.eclipse.core.runtime.ILog.of(VolumeListView.class).error(e.getMessage(), e);
    }
}
