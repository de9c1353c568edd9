package org.painlab.mechanism.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.painlab.mechanism.sim.Interventions;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.ui.internal.chart.LineChart;
import org.painlab.mechanism.ui.internal.views.InterventionEditorView;

/** Placing, dragging, deleting and undoing interventions on the timeline, then running with and without them. */
class InterventionEditorTest {
    private static void mouse(Canvas c, int type, int x, int y) {
        Event e = new Event();
        e.type = type;
        e.x = x;
        e.y = y;
        e.button = 1;
        c.notifyListeners(type, e);
    }

    private static void key(Canvas c, int keyCode, int stateMask) {
        Event e = new Event();
        e.keyCode = keyCode;
        e.stateMask = stateMask;
        c.notifyListeners(SWT.KeyDown, e);
    }

    @Test
    void interventionsPlacedOnTheTimelineChangeTheCourseFromTheirTimeOn() throws Exception {
        IWorkbenchPage page = MechanismFixture.mechanism();
        MechanismFixture.select(page, MechanismFixture.NEURO);
        InterventionEditorView v = (InterventionEditorView) page.showView(InterventionEditorView.ID);
        page.activate(v);
        MechanismFixture.processEvents();
        Canvas timeline = v.timelineControl();
        assertTrue(timeline.getClientArea().width > 300, "timeline laid out: " + timeline.getClientArea());

        v.add("anticytokine_drug", 10);
        assertEquals(List.of(new Interventions.Timed("anticytokine_drug", 10)), v.plan().placed());
        // drag the marker from day 10 to day 30
        int y = v.timelineY("anticytokine_drug");
        assertTrue(y > 0);
        mouse(timeline, SWT.MouseDown, v.timelineX(10), y);
        mouse(timeline, SWT.MouseMove, v.timelineX(20), y);
        mouse(timeline, SWT.MouseMove, v.timelineX(30), y);
        mouse(timeline, SWT.MouseUp, v.timelineX(30), y);
        assertEquals(1, v.plan().placed().size());
        assertEquals(30, v.plan().placed().get(0).time(), 0.5, "dragged to day 30: " + v.plan().placed());
        // double-click the microglia inhibitor's lane at day 60, then select it and press Delete
        int y2 = v.timelineY("microglia_inhibitor");
        mouse(timeline, SWT.MouseDoubleClick, v.timelineX(60), y2);
        assertEquals(2, v.plan().placed().size(), v.plan().placed().toString());
        assertEquals("microglia_inhibitor", v.plan().placed().get(1).eventId());
        mouse(timeline, SWT.MouseDown, v.timelineX(60), y2);
        mouse(timeline, SWT.MouseUp, v.timelineX(60), y2);
        key(timeline, SWT.DEL, 0);
        assertEquals(1, v.plan().placed().size(), "deleted: " + v.plan().placed());
        // undo twice: the inhibitor comes back, then the drag is undone
        key(timeline, 'z', SWT.MOD1);
        assertEquals(2, v.plan().placed().size());
        v.undo();
        v.undo();
        assertEquals(List.of(new Interventions.Timed("anticytokine_drug", 10)), v.plan().placed(), "back to the first placement");

        v.add("glucocorticoid_snrb", 0);
        assertNotNull(v.run());
        MechanismFixture.waitForJobs(InterventionEditorView.JOB_FAMILY, 120_000);
        MechanismFixture.processUntil(() -> v.intervened() != null, 10_000);
        TimeCourse a = v.baseline();
        TimeCourse b = v.intervened();
        assertNotNull(b, v.status());
        int pain = a.column("pain");
        double after = 0;
        for (int i = 0; i < a.times().length; i++) {
            if (a.times()[i] > 10) {
                after = Math.max(after, Math.abs(a.values()[i][pain] - b.values()[i][pain]));
            }
        }
        assertTrue(after > 0.05, "the treatments change pain after day 10: " + after);
        // the glucocorticoid at day 0 acts before the injury on day 1; the course must differ from day 1 on
        double firstWeek = 0;
        for (int i = 0; i < a.times().length && a.times()[i] <= 7; i++) {
            firstWeek = Math.max(firstWeek, Math.abs(a.values()[i][pain] - b.values()[i][pain]));
        }
        assertTrue(firstWeek > 1e-6, "the day-0 glucocorticoid shows in the first week: " + firstWeek);
        LineChart chart = v.chart();
        assertEquals(List.of("pain, baseline", "pain, with interventions"), chart.legend());
        assertEquals(List.of("glucocorticoid_snrb", "anticytokine_drug"), chart.marks().stream().map(LineChart.Mark::label).toList());
        assertEquals(LineChart.Style.DASHED, chart.series().get(0).style());
        assertTrue(v.status().contains("anticytokine_drug@10"), v.status());
        MechanismFixture.screenshot("mechanism-interventions.png");
    }
}
