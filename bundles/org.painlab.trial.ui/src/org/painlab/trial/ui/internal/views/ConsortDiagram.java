package org.painlab.trial.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.painlab.trial.store.ConsortCounts;

/**
 * Draws a CONSORT 2010 flow diagram (enrolment, allocation, follow-up, analysis) from the
 * counts in the study, so the same drawing serves the view and the PNG export.
 */
final class ConsortDiagram {
    private static final int BOX_W = 250;
    private static final int GAP = 36;

    private final ConsortCounts counts;

    ConsortDiagram(ConsortCounts counts) {
        this.counts = counts;
    }

    /** The size the diagram needs. */
    Point size() {
        int arms = Math.max(1, counts.allocated().size());
        return new Point(Math.max(3 * BOX_W, arms * (BOX_W + GAP)) + 2 * GAP, 760);
    }

    void paint(GC gc, int width) {
        gc.setAntialias(SWT.ON);
        gc.setBackground(gc.getDevice().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(0, 0, width, size().y);
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_BLACK));
        int cx = width / 2;
        Rectangle screened = box(gc, cx - BOX_W / 2, 20, List.of("Assessed for eligibility (n=" + counts.screened() + ")"));
        List<String> excluded = new ArrayList<>();
        excluded.add("Excluded (n=" + counts.excluded() + ")");
        counts.excludedByReason().forEach((reason, n) -> excluded.add("  " + reason + " (n=" + n + ")"));
        Rectangle excl = box(gc, cx + 40, screened.y + screened.height + GAP / 2, excluded);
        Rectangle randomized = box(gc, cx - BOX_W / 2, excl.y + excl.height + GAP / 2, List.of("Randomized (n=" + counts.randomized() + ")"));
        arrow(gc, cx, screened.y + screened.height, cx, randomized.y);
        line(gc, cx, excl.y + excl.height / 2, excl.x, excl.y + excl.height / 2);
        int arms = Math.max(1, counts.allocated().size());
        int total = arms * BOX_W + (arms - 1) * GAP;
        int x = (width - total) / 2;
        int y = randomized.y + randomized.height + GAP;
        int row2 = 0;
        for (Map.Entry<String, Long> arm : counts.allocated().entrySet()) {
            String a = arm.getKey();
            int bx = x;
            Rectangle alloc = box(gc, bx, y, List.of("Allocated to " + a + " (n=" + arm.getValue() + ")"));
            arrow(gc, cx, randomized.y + randomized.height, bx + BOX_W / 2, alloc.y);
            Rectangle follow = box(gc, bx, alloc.y + alloc.height + GAP, List.of(
                    "Lost to follow-up (n=" + counts.lostToFollowUp().getOrDefault(a, 0L) + ")",
                    "Discontinued (n=" + counts.withdrawn().getOrDefault(a, 0L) + ")"));
            arrow(gc, bx + BOX_W / 2, alloc.y + alloc.height, bx + BOX_W / 2, follow.y);
            Rectangle analysed = box(gc, bx, follow.y + follow.height + GAP, List.of("Analysed (n=" + counts.analysed().getOrDefault(a, 0L) + ")"));
            arrow(gc, bx + BOX_W / 2, follow.y + follow.height, bx + BOX_W / 2, analysed.y);
            row2 = Math.max(row2, analysed.y + analysed.height);
            x += BOX_W + GAP;
        }
        int labelY = randomized.y + randomized.height + GAP;
        gc.drawText("Enrolment", 8, 20, true);
        gc.drawText("Allocation", 8, labelY, true);
        gc.drawText("Follow-up", 8, labelY + 60 + GAP, true);
        gc.drawText("Analysis", 8, Math.max(row2 - 40, labelY + 120), true);
    }

    private static Rectangle box(GC gc, int x, int y, List<String> lines) {
        int lh = gc.getFontMetrics().getHeight();
        int h = lines.size() * lh + 12;
        int w = BOX_W;
        for (String l : lines) {
            w = Math.max(w, gc.textExtent(l).x + 16);
        }
        gc.drawRectangle(x, y, w, h);
        int ty = y + 6;
        for (String l : lines) {
            gc.drawText(l, x + 8, ty, true);
            ty += lh;
        }
        return new Rectangle(x, y, w, h);
    }

    private static void line(GC gc, int x1, int y1, int x2, int y2) {
        gc.drawLine(x1, y1, x2, y2);
    }

    private static void arrow(GC gc, int x1, int y1, int x2, int y2) {
        gc.drawLine(x1, y1, x2, y2);
        double a = Math.atan2(y2 - y1, x2 - x1);
        int l = 8;
        gc.drawLine(x2, y2, (int) (x2 - l * Math.cos(a - 0.4)), (int) (y2 - l * Math.sin(a - 0.4)));
        gc.drawLine(x2, y2, (int) (x2 - l * Math.cos(a + 0.4)), (int) (y2 - l * Math.sin(a + 0.4)));
    }
}
