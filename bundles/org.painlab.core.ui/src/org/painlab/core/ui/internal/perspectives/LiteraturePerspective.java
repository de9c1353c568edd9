package org.painlab.core.ui.internal.perspectives;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The Literature perspective. Its area's UI bundle adds its views to the folder {@value #AREA_FOLDER}. */
public final class LiteraturePerspective implements IPerspectiveFactory {
    public static final String ID = "org.painlab.perspective.literature";
    public static final String AREA_FOLDER = "org.painlab.perspective.literature.area";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        IFolderLayout top = Layouts.frame(layout, AREA_FOLDER);
        top.addView(Layouts.DASHBOARD);
    }
}
