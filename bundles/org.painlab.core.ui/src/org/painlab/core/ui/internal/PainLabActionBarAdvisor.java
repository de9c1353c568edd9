package org.painlab.core.ui.internal;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
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
        MenuManager perspectives = new MenuManager("Open &Perspective");
        perspectives.add(ContributionItemFactory.PERSPECTIVES_SHORTLIST.create(window));
        MenuManager views = new MenuManager("Show &View");
        views.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
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
}
