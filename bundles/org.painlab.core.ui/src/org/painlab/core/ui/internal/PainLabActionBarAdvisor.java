package org.painlab.core.ui.internal;

import java.util.function.Supplier;

import org.eclipse.jface.action.ContributionItem;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.IContributionManager;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.painlab.core.ui.internal.actions.CloseStudyAction;
import org.painlab.core.ui.internal.actions.RunAnalysisAction;
import org.painlab.core.ui.internal.actions.NewStudyAction;
import org.painlab.core.ui.internal.actions.OpenStudyAction;

/**
 * File, Window and Help menus. Areas add their own menus and commands through
 * {@code org.eclipse.ui.menus} at the {@code additions} marker.
 */
public final class PainLabActionBarAdvisor extends ActionBarAdvisor {
    /** Id of Window > Open Perspective. */
    static final String OPEN_PERSPECTIVE = "openPerspective";
    /** Id of Window > Show View. */
    static final String SHOW_VIEW = "showView";

    public PainLabActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        IWorkbenchWindow window = getActionBarConfigurer().getWindowConfigurer().getWindow();

        MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
        file.add(registered(new NewStudyAction(window)));
        file.add(registered(new OpenStudyAction(window)));
        file.add(registered(new CloseStudyAction(window)));
        file.add(new Separator());
        file.add(registered(new RunAnalysisAction(window)));
        file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        file.add(new Separator());
        file.add(registered(ActionFactory.QUIT.create(window)));

        MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
        edit.add(registered(ActionFactory.UNDO.create(window)));
        edit.add(registered(ActionFactory.REDO.create(window)));
        edit.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));

        MenuManager windowMenu = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
        // both lists are made when their menu is first shown: the perspective list's constructor alone builds a
        // Collator's rule tables (5 ms and some 40 classes before the first paint)
        MenuManager perspectives = new MenuManager("Open &Perspective", OPEN_PERSPECTIVE);
        perspectives.add(new MadeOnFirstFill(() -> ContributionItemFactory.PERSPECTIVES_SHORTLIST.create(window)));
        MenuManager views = new MenuManager("Show &View", SHOW_VIEW);
        views.add(new MadeOnFirstFill(() -> ContributionItemFactory.VIEWS_SHORTLIST.create(window)));
        windowMenu.add(perspectives);
        windowMenu.add(views);
        windowMenu.add(registered(ActionFactory.RESET_PERSPECTIVE.create(window)));
        windowMenu.add(new Separator());
        windowMenu.add(registered(ActionFactory.PREFERENCES.create(window)));

        MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
        help.add(registered(ActionFactory.ABOUT.create(window)));

        menuBar.add(file);
        menuBar.add(edit);
        menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(windowMenu);
        menuBar.add(help);
    }

    private <A extends org.eclipse.jface.action.IAction> A registered(A action) {
        super.register(action);
        return action;
    }

    /**
     * A menu's dynamic item (a workbench list: perspectives, views) made the first time the menu fills it, that
     * is when the menu is first shown, instead of when the window's menus are made before the first paint.
     */
    static final class MadeOnFirstFill extends ContributionItem {
        private final Supplier<IContributionItem> make;
        private IContributionItem made;
        private IContributionManager parent;

        MadeOnFirstFill(Supplier<IContributionItem> make) {
            this.make = make;
        }

        /** The item, made now if it was not yet. */
        IContributionItem item() {
            if (made == null) {
                made = make.get();
                made.setParent(parent);
            }
            return made;
        }

        /** True once the item has been made. */
        boolean made() {
            return made != null;
        }

        @Override
        public void setParent(IContributionManager parent) {
            this.parent = parent;
            if (made != null) {
                made.setParent(parent);
            }
        }

        @Override
        public boolean isDynamic() {
            return true;
        }

        @Override
        public boolean isDirty() {
            return made == null || made.isDirty();
        }

        @Override
        public void fill(Menu menu, int index) {
            item().fill(menu, index);
        }

        @Override
        public void dispose() {
            if (made != null) {
                made.dispose();
            }
        }
    }
}
