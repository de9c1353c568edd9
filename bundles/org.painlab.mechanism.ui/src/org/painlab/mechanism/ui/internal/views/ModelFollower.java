package org.painlab.mechanism.ui.internal.views;

import java.util.function.Consumer;

import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.painlab.mechanism.ui.internal.model.LoadedModel;

/**
 * Lets a view follow the model selected in the Model Outline: tells it the current one at once and every
 * different one afterwards.
 */
final class ModelFollower {
    private final IWorkbenchPage page;
    private final ISelectionListener listener;
    private LoadedModel last;

    ModelFollower(IWorkbenchPage page, Consumer<LoadedModel> show) {
        this.page = page;
        this.listener = (part, selection) -> ModelOutlineView.selected(selection).ifPresent(m -> {
            if (m != last) {
                last = m;
                show.accept(m);
            }
        });
        page.addSelectionListener(ModelOutlineView.ID, listener);
        IViewPart outline = page.findView(ModelOutlineView.ID);
        if (outline instanceof ModelOutlineView o) {
            o.current().ifPresent(m -> {
                last = m;
                show.accept(m);
            });
        }
    }

    void dispose() {
        page.removeSelectionListener(ModelOutlineView.ID, listener);
    }
}
