/**
 * Charts of the statistics engine, drawn through the small {@link org.painlab.core.chart.Painter}
 * interface so that the same class paints on screen and into PNG (the UI's SWT painter) and into
 * SVG ({@link org.painlab.core.chart.SvgPainter}, plain text, no UI types: the CLI uses it).
 *
 * <ul>
 * <li>{@link org.painlab.stats.chart.TrajectoryChart} (mean ± CI over time) and
 * {@link org.painlab.stats.chart.BoxPlotChart}, from an {@link org.painlab.stats.chart.OutcomeSummary};</li>
 * <li>{@link org.painlab.stats.chart.ForestChart}: effect sizes of a report, one kind per plot
 * ({@link org.painlab.stats.chart.EffectKinds});</li>
 * <li>{@link org.painlab.stats.chart.KaplanMeierChart} from a log-rank result and
 * core's {@link org.painlab.core.chart.RocChart} with the curves of a roc-delong result ({@link org.painlab.stats.chart.RocCurves}).</li>
 * </ul>
 *
 * <p>Charts are immutable once built; painters keep only the drawing in progress.
 */
package org.painlab.stats.chart;

