package org.painlab.mechanism.ui.internal.views;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.painlab.core.chart.ChartStyle;
import org.painlab.mechanism.sim.Interventions;
import org.painlab.mechanism.ui.internal.model.ExprText;
import org.painlab.mechanism.ui.internal.model.InterventionPlan;

/**
 * The timeline of the Interventions view: one lane per intervention the model declares, a time axis, the
 * placed interventions as filled diamonds (drag to move, double-click a lane to add, Delete removes the
 * selected one, Ctrl+Z undoes) and, hollow, when an intervention happens on its own trigger.
 */
final class InterventionTimeline {
    static final int LANE = 28;
    static final int LEFT = 170;
    static final int RIGHT = 24;
    static final int TOP = 6;
    private final Canvas canvas;
    private final InterventionPlan plan;
    private final Runnable changed;
    private List<String> lanes = List.of();
    private List<Double> ownTimes = List.of();
    private double duration = 100;
    private String timeUnit = "time";
    private Interventions.Timed selected;
    private Interventions.Timed dragging;
    private double dragTime = Double.NaN;

    InterventionTimeline(Composite parent, InterventionPlan plan, Runnable changed) {
        this.plan = plan;
        this.changed = changed;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.MouseDown, this::down);
        canvas.addListener(SWT.MouseMove, this::move);
        canvas.addListener(SWT.MouseUp, this::up);
        canvas.addListener(SWT.MouseDoubleClick, this::doubleClick);
        canvas.addListener(SWT.KeyDown, this::key);
    }

    Canvas control() {
        return canvas;
    }

    /** Height that shows every lane and the axis. */
    int preferredHeight() {
        return TOP + Math.max(1, lanes.size()) * LANE + 40;
    }

    void setLanes(List<String> ids, List<Double> own, double duration, String timeUnit) {
        this.lanes = List.copyOf(ids);
        this.ownTimes = List.copyOf(own);
        this.duration = duration;
        this.timeUnit = timeUnit;
        selected = null;
        canvas.redraw();
    }

    void setDuration(double d) {
        duration = d;
        canvas.redraw();
    }

    Interventions.Timed selected() {
        return selected;
    }

    void select(Interventions.Timed t) {
        selected = t;
        canvas.redraw();
    }

    /** Pixel x of time t. */
    int x(double t) {
        int w = canvas.getClientArea().width - LEFT - RIGHT;
        return LEFT + (int) Math.round(t / duration * Math.max(1, w));
    }

    /** Time at pixel x, rounded to a round step of the axis. */
    double time(int px) {
        int w = Math.max(1, canvas.getClientArea().width - LEFT - RIGHT);
        double t = Math.max(0, Math.min(duration, (px - LEFT) * duration / w));
        double step = duration / 400;
        double round = Math.pow(10, Math.floor(Math.log10(step)));
        return Math.round(t / round) * round;
    }

    /** Pixel y of the middle of lane {@code id}, or -1. */
    int y(String id) {
        int i = lanes.indexOf(id);
        return i < 0 ? -1 : TOP + i * LANE + LANE / 2;
    }

    private String laneAt(int py) {
        int i = (py - TOP) / LANE;
        return py < TOP || i < 0 || i >= lanes.size() ? null : lanes.get(i);
    }

    private Interventions.Timed markerAt(int px, int py) {
        String lane = laneAt(py);
        Interventions.Timed best = null;
        int bestD = 8;
        for (Interventions.Timed t : plan.placed()) {
            if (t.eventId().equals(lane) && Math.abs(x(t.time()) - px) <= bestD) {
                best = t;
                bestD = Math.abs(x(t.time()) - px);
            }
        }
        return best;
    }

    private void down(Event e) {
        canvas.setFocus();
        if (e.button != 1) {
            return;
        }
        Interventions.Timed t = markerAt(e.x, e.y);
        selected = t;
        dragging = t;
        dragTime = Double.NaN;
        canvas.redraw();
    }

    private void move(Event e) {
        if (dragging != null) {
            dragTime = time(e.x);
            canvas.redraw();
        }
    }

    private void up(Event e) {
        if (dragging != null && !Double.isNaN(dragTime) && dragTime != dragging.time()) {
            Interventions.Timed moved = new Interventions.Timed(dragging.eventId(), dragTime);
            plan.move(dragging, dragTime);
            selected = moved;
            dragging = null;
            changed.run();
        }
        dragging = null;
        dragTime = Double.NaN;
        canvas.redraw();
    }

    private void doubleClick(Event e) {
        String lane = laneAt(e.y);
        if (lane != null && e.x >= LEFT && markerAt(e.x, e.y) == null) {
            double t = time(e.x);
            plan.add(lane, t);
            selected = new Interventions.Timed(lane, t);
            changed.run();
        }
    }

    private void key(Event e) {
        if ((e.keyCode == SWT.DEL || e.keyCode == SWT.BS) && selected != null) {
            plan.delete(selected);
            selected = null;
            changed.run();
        } else if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'z' || e.keyCode == 'Z')) {
            if (plan.undo()) {
                selected = null;
                changed.run();
            }
        }
    }

    private void paint(GC gc) {
        var area = canvas.getClientArea();
        gc.setAntialias(SWT.ON);
        Color ink = rgb(gc, ChartStyle.INK);
        Color grid = rgb(gc, ChartStyle.GRID);
        if (lanes.isEmpty()) {
            gc.setForeground(ink);
            gc.drawText("This model declares no interventions (events with an id).", 10, 10, true);
            return;
        }
        int axisY = TOP + lanes.size() * LANE;
        List<Double> ticks = ChartStyle.ticks(0, duration);
        for (double t : ticks) {
            if (t > duration + 1e-9) {
                continue;
            }
            gc.setForeground(grid);
            gc.drawLine(x(t), TOP, x(t), axisY);
            gc.setForeground(ink);
            gc.drawLine(x(t), axisY, x(t), axisY + 4);
            String s = ChartStyle.format(t);
            gc.drawText(s, x(t) - gc.textExtent(s).x / 2, axisY + 5, true);
        }
        String axis = "Time (" + timeUnit + "): double-click a lane to add, drag to move, Delete removes, Ctrl+Z undoes";
        gc.drawText(axis, LEFT, axisY + 5 + gc.getFontMetrics().getHeight(), true);
        for (int i = 0; i < lanes.size(); i++) {
            int y = TOP + i * LANE;
            gc.setForeground(grid);
            gc.drawLine(LEFT, y + LANE, area.width - RIGHT, y + LANE);
            gc.setForeground(ink);
            gc.drawText(lanes.get(i), 8, y + (LANE - gc.getFontMetrics().getHeight()) / 2, true);
            double own = ownTimes.get(i);
            String id = lanes.get(i);
            if (!Double.isNaN(own) && own <= duration && plan.placed().stream().noneMatch(t -> t.eventId().equals(id))) {
                gc.setForeground(rgb(gc, 0x888888));
                diamond(gc, x(own), y + LANE / 2, false);
                gc.drawText("own trigger", x(own) + 9, y + 2, true);
            }
        }
        List<Interventions.Timed> placed = plan.placed();
        for (Interventions.Timed t : placed) {
            int lane = lanes.indexOf(t.eventId());
            if (lane < 0) {
                continue;
            }
            boolean drag = t.equals(dragging) && !Double.isNaN(dragTime);
            double time = drag ? dragTime : t.time();
            int cy = TOP + lane * LANE + LANE / 2;
            int colour = ChartStyle.color(1 + lane);
            gc.setBackground(rgb(gc, colour));
            gc.setForeground(rgb(gc, t.equals(selected) ? 0x000000 : colour));
            diamond(gc, x(time), cy, true);
            gc.setForeground(ink);
            gc.drawText(ExprText.number(time), x(time) + 9, cy - LANE / 2 + 2, true);
        }
    }

    private static void diamond(GC gc, int cx, int cy, boolean filled) {
        int r = 7;
        int[] pts = { cx, cy - r, cx + r, cy, cx, cy + r, cx - r, cy };
        if (filled) {
            gc.fillPolygon(pts);
            gc.setLineWidth(2);
        }
        gc.drawPolygon(pts);
        gc.setLineWidth(1);
    }

    private static Color rgb(GC gc, int rgb) {
        return new Color(gc.getDevice(), rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }
}
