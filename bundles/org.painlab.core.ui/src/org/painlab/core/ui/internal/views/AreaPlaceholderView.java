package org.painlab.core.ui.internal.views;

import java.util.Map;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

/**
 * Says what an area that is not installed yet will do, in its perspective. It shows no
 * data. The secondary view id names the area (literature).
 */
public final class AreaPlaceholderView extends ViewPart {
    private static final Map<String, String[]> AREAS = Map.of(
            "literature", new String[] { "Literature",
                    "Literature notes: references from RIS, BibTeX, MEDLINE, PubMed XML and pasted web pages (Chinese "
                            + "and English), duplicates, full-text search, notes and tags linked to subjects, analyses, "
                            + "imaging results and model parameters." });

    private Label heading;

    @Override
    public void createPartControl(Composite parent) {
        String area = getViewSite().getSecondaryId();
        String[] text = AREAS.getOrDefault(area == null ? "" : area,
                new String[] { "Area", "This area is not installed." });
        setPartName(text[0]);
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        heading = new Label(c, SWT.NONE);
        heading.setFont(JFaceResources.getHeaderFont());
        heading.setText(text[0] + ": not installed in this version");
        Label body = new Label(c, SWT.WRAP);
        body.setText(text[1] + "\n\nThe study selected in the Study Explorer stays selected here, so its data will "
                + "appear in this perspective when the area arrives.");
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.widthHint = 600;
        body.setLayoutData(gd);
    }

    @Override
    public void setFocus() {
        heading.setFocus();
    }
}
