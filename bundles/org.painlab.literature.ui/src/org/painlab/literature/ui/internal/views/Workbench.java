package org.painlab.literature.ui.internal.views;

import java.util.Optional;

import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.painlab.core.Study;
import org.painlab.core.ui.OpenStudies;

/** The workbench's shared study selection and the Literature views of a page, found by id. */
public final class Workbench {
    private Workbench() {
    }

    public static OpenStudies studies() {
        return PlatformUI.getWorkbench().getService(OpenStudies.class);
    }

    /** The study the user selected, if any. */
    public static Optional<Study> study() {
        return studies().selected();
    }

    /** The view with {@code id} on {@code page} when it is open (it is not opened). */
    public static <V extends IViewPart> Optional<V> view(IWorkbenchPage page, String id, Class<V> type) {
        IViewPart v = page == null ? null : page.findView(id);
        return type.isInstance(v) ? Optional.of(type.cast(v)) : Optional.empty();
    }
}
