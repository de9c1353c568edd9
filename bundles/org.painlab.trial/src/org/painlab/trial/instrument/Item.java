package org.painlab.trial.instrument;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One question (item) of an {@link Instrument}: its stable id, a label for people, the range of
 * valid answers and, where the answers are categories, the label of each valid value.
 *
 * <p>An answer {@code v} is valid when it is a finite number with {@code min <= v <= max} that lies
 * on the step grid {@code min + k * step} (k a whole number; a tolerance of 1e-6 steps absorbs
 * decimal round-off, so 7.3 is on the 0.1 grid). When {@link #choices()} is not empty, the value must
 * also be one of its keys.
 *
 * @param id stable item id, unique within its instrument (used as the key of an answer map)
 * @param label human-readable label (English)
 * @param min smallest valid value
 * @param max largest valid value
 * @param step spacing of valid values, e.g. 0.1 for a VAS, 1 for a Likert item, 3 for the JOA
 *     bladder item (-6, -3, 0)
 * @param choices value to label for categorical items, in display order (empty map when the item
 *     is a plain numeric scale); unmodifiable
 * @param required whether the instrument cannot be scored at all when this item is missing
 *
 * @since 0.1
 */
public record Item(String id, String label, double min, double max, double step,
        Map<Double, String> choices, boolean required) {

    private static final double GRID_TOLERANCE = 1e-6;
    /** Below 2^53 every whole number, and every sum and product of them that stays below, is exact in a double. */
    private static final double WHOLE_EXACT = 0x1p53;

    /** Validates and copies the arguments; see the class description. */
    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        if (id.isBlank()) {
            throw new IllegalArgumentException("item id must not be blank");
        }
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("item " + id + ": invalid range " + min + ".." + max);
        }
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("item " + id + ": step must be > 0, was " + step);
        }
        if (!onGrid(max, min, step)) {
            throw new IllegalArgumentException("item " + id + ": max " + max + " is not on the step grid");
        }
        LinkedHashMap<Double, String> copy = new LinkedHashMap<>();
        if (choices != null) {
            for (Map.Entry<Double, String> e : choices.entrySet()) {
                double v = Objects.requireNonNull(e.getKey(), "choice value");
                if (v < min || v > max || !onGrid(v, min, step)) {
                    throw new IllegalArgumentException("item " + id + ": choice " + v + " is not a valid value");
                }
                copy.put(v, Objects.requireNonNull(e.getValue(), "choice label"));
            }
        }
        choices = Collections.unmodifiableMap(copy);
    }

    /**
     * A numeric item without choice labels.
     *
     * @param id item id
     * @param label label
     * @param min smallest value
     * @param max largest value
     * @param step spacing of valid values
     * @param required whether the instrument needs this item
     * @return the item
     */
    public static Item scale(String id, String label, double min, double max, double step, boolean required) {
        return new Item(id, label, min, max, step, Map.of(), required);
    }

    /**
     * A categorical item with whole-number codes {@code first, first+1, ...}, one per label.
     *
     * @param id item id
     * @param label label
     * @param first code of the first choice
     * @param required whether the instrument needs this item
     * @param labels choice labels in code order
     * @return the item
     */
    public static Item coded(String id, String label, int first, boolean required, String... labels) {
        LinkedHashMap<Double, String> c = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            c.put((double) (first + i), labels[i]);
        }
        return new Item(id, label, first, first + labels.length - 1, 1, c, required);
    }

    /**
     * Whether {@code value} is a valid answer to this item.
     *
     * @param value the answer
     * @return true when finite, in range, on the step grid and (if any) one of the choices
     */
    public boolean isValid(double value) {
        return problemWith(value) == null;
    }

    /**
     * Describes why {@code value} is not valid, or returns null when it is.
     *
     * @param value the answer
     * @return a short rule text such as "out of range: valid 0–5 in steps of 1", or null
     */
    public String problemWith(double value) {
        if (!Double.isFinite(value)) {
            return "not a finite number: valid " + validValues();
        }
        if (value < min || value > max) {
            return "out of range: valid " + validValues();
        }
        if (!onGrid(value, min, step)) {
            return "not on the step " + format(step) + ": valid " + validValues();
        }
        if (!choices.isEmpty() && !choices.containsKey(snap(value))) {
            return "not one of the choices: valid " + validValues();
        }
        return null;
    }

    /**
     * The valid answers in words, e.g. "0–10 in steps of 0.1" or "-6, -3, 0".
     *
     * @return the description used in error messages
     */
    public String validValues() {
        long count = Math.round((max - min) / step) + 1;
        if (count <= 7 && step != 1) {
            StringBuilder sb = new StringBuilder("one of ");
            for (long k = 0; k < count; k++) {
                if (k > 0) {
                    sb.append(", ");
                }
                sb.append(format(min + k * step));
            }
            return sb.toString();
        }
        return format(min) + "–" + format(max) + " in steps of " + format(step);
    }

    /**
     * Returns the value moved onto the nearest grid point (removes decimal round-off such as
     * 7.300000000000001); the value must already be valid.
     *
     * @param value a valid answer
     * @return the value on the grid
     */
    public double snap(double value) {
        double k = Math.rint((value - min) / step);
        if (min == Math.rint(min) && step == Math.rint(step) && Math.abs(min) + Math.abs(step * k) < WHOLE_EXACT) {
            // whole-number grids (Likert, ODI, JOA, SF-36 items) are exact in double arithmetic: the decimal
            // arithmetic below gives the same value and cost a fifth of a large import's CPU
            double v = min + step * k;
            return v == 0.0 ? 0.0 : v;
        }
        double v = new BigDecimal(Double.toString(min)).add(
                new BigDecimal(Double.toString(step)).multiply(BigDecimal.valueOf((long) k))).doubleValue();
        return v == 0.0 ? 0.0 : v; // no negative zero
    }

    /**
     * The item as the CLI's {@code --describe} shape: id, label, min, max, step and choices.
     *
     * @return an ordered, mutable map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("label", label);
        m.put("min", min);
        m.put("max", max);
        m.put("step", step);
        if (!choices.isEmpty()) {
            Map<String, String> c = new LinkedHashMap<>();
            choices.forEach((k, v) -> c.put(format(k), v));
            m.put("choices", c);
        }
        m.put("required", required);
        return m;
    }

    private static boolean onGrid(double value, double min, double step) {
        double k = (value - min) / step;
        return Math.abs(k - Math.rint(k)) <= GRID_TOLERANCE;
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
