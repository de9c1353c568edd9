package org.painlab.core.ui.internal.views;

import java.util.List;
import java.util.Map;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.StudyInfo;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.UiJobs;

/**
 * Summary of the selected study: where it is, what it holds, and whether its data is simulated.
 * The counts are read in a job: a large study's counts take a moment.
 */
public final class DashboardView extends ViewPart {
    public static final String ID = "org.painlab.core.ui.dashboard";

    private Label title;
    private Label folder;
    private Table counts;
    private OpenStudies studies;
    /** The study whose counts the table holds (or is reading). */
    private Study counted;
    private final OpenStudies.Listener listener = s -> update();

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        title = new Label(c, SWT.NONE);
        title.setFont(JFaceResources.getHeaderFont());
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        folder = new Label(c, SWT.WRAP);
        folder.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        counts = new Table(c, SWT.BORDER | SWT.FULL_SELECTION);
        counts.setHeaderVisible(true);
        counts.setLinesVisible(true);
        counts.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        TableColumn what = new TableColumn(counts, SWT.LEFT);
        what.setText("Content");
        what.setWidth(220);
        TableColumn n = new TableColumn(counts, SWT.RIGHT);
        n.setText("Count");
        n.setWidth(200);
        studies.addListener(listener);
        update();
    }

    private void update() {
        if (title == null || title.isDisposed()) {
            return;
        }
        Study study = studies.selected().orElse(null);
        if (study != counted) {
            // a refresh of the same study keeps its counts until the new ones are in: no flicker
            counts.removeAll();
        }
        counted = study;
        if (study == null) {
            title.setText("No study selected");
            folder.setText("Open a study with File > Open Study..., or create one with File > New Study...");
        } else {
            title.setText(study.name());
            folder.setText(study.folder() + studies.selectedSubject().map(s -> "    Subject: " + s).orElse(""));
            if (counts.getItemCount() == 0) {
                TableItem reading = new TableItem(counts, SWT.NONE);
                reading.setText(new String[] { "reading...", "" });
            }
            UiJobs.run("Counting the contents of " + study.name(), counts, monitor -> study.info(),
                    info -> showCounts(study, info), e -> showError(study, e));
        }
        title.getParent().layout(true, true);
    }

    private void showCounts(Study study, StudyInfo info) {
        if (studies.selected().orElse(null) != study) {
            return;
        }
        counts.removeAll();
        for (Map.Entry<String, Object> e : info.counts().entrySet()) {
            TableItem row = new TableItem(counts, SWT.NONE);
            Object v = e.getValue();
            row.setText(new String[] { e.getKey().replace('_', ' '),
                    v instanceof List<?> l ? l.size() + " (" + String.join(", ", l.stream().map(String::valueOf).toList()) + ")" : String.valueOf(v) });
        }
        counts.getParent().layout(true, true);
    }

    private void showError(Study study, Exception e) {
        if (studies.selected().orElse(null) != study) {
            return;
        }
        counts.removeAll();
        TableItem row = new TableItem(counts, SWT.NONE);
        row.setText(new String[] { "error", e.getMessage() });
    }

    /** The shown counts as "content=count" lines, for tests. */
    public List<String> shownCounts() {
        return java.util.Arrays.stream(counts.getItems()).map(i -> i.getText(0) + "=" + i.getText(1)).toList();
    }

    /** The shown title, for tests. */
    public String shownTitle() {
        return title.getText();
    }

    @Override
    public void setFocus() {
        counts.setFocus();
    }

    @Override
    public void dispose() {
        if (studies != null) {
            studies.removeListener(listener);
        }
        super.dispose();
    }
}
