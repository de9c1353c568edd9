package org.painlab.core.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * Window > Open Perspective and Window > Show View, whose lists are made when the menu is first shown (not
 * before the first paint): shown as a user opens them, they list the perspectives and the frame's views, do
 * not repeat themselves when shown again, and switch the perspective.
 */
class WindowMenuTest {

    @Test
    void openPerspectiveAndShowViewListTheirItemsWhenShownAndWork() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Menu windowMenu = submenu(window.getShell().getMenuBar(), "Window");
        show(windowMenu);
        Menu perspectives = submenu(windowMenu, "Open Perspective");
        List<String> listed = labels(show(perspectives));
        for (String p : List.of("Clinical", "Imaging", "Mechanism", "Literature")) {
            assertTrue(listed.contains(p), p + " in " + listed);
        }
        assertEquals(listed, labels(show(perspectives)), "shown again, the same items once");

        Menu views = submenu(windowMenu, "Show View");
        List<String> shortcuts = labels(show(views));
        for (String v : List.of("Study Explorer", "Study Dashboard", "Error Log", "Audit Trail", "Progress")) {
            assertTrue(shortcuts.contains(v), v + " in " + shortcuts);
        }
        assertEquals(shortcuts, labels(show(views)), "shown again, the same items once");

        IWorkbenchPage page = window.getActivePage();
        String before = page.getPerspective().getId();
        try {
            select(perspectives, "Imaging");
            WorkbenchFixture.processEvents();
            assertEquals("org.painlab.perspective.imaging", window.getActivePage().getPerspective().getId());
        } finally {
            try {
                PlatformUI.getWorkbench().showPerspective(before, window);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            WorkbenchFixture.processEvents();
        }
    }

    private static Menu show(Menu menu) {
        menu.notifyListeners(SWT.Show, new Event());
        WorkbenchFixture.processEvents();
        return menu;
    }

    private static Menu submenu(Menu menu, String label) {
        for (MenuItem item : menu.getItems()) {
            if (label(item).equals(label)) {
                assertNotNull(item.getMenu(), label + " has a submenu");
                return item.getMenu();
            }
        }
        throw new AssertionError(label + " not in " + labels(menu));
    }

    private static void select(Menu menu, String label) {
        for (MenuItem item : menu.getItems()) {
            if (label(item).equals(label)) {
                item.notifyListeners(SWT.Selection, new Event());
                return;
            }
        }
        throw new AssertionError(label + " not in " + labels(menu));
    }

    private static List<String> labels(Menu menu) {
        List<String> out = new ArrayList<>();
        for (MenuItem item : menu.getItems()) {
            if ((item.getStyle() & SWT.SEPARATOR) == 0) {
                out.add(label(item));
            }
        }
        return out;
    }

    private static String label(MenuItem item) {
        String text = item.getText();
        int tab = text.indexOf('\t');
        return (tab < 0 ? text : text.substring(0, tab)).replace("&", "");
    }
}
