package org.painlab.trial.internal.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.core.importer.ImportProblem;
import org.painlab.trial.store.CheckedAnswers;
import org.painlab.trial.store.CheckedSubject;
import org.painlab.trial.store.VariableDefinition;
import org.painlab.trial.store.VariableValue;

/**
 * The subjects the first pass of an import checked, kept so that the writing pass need not read and
 * check the file a second time (a fifth of the time of the demo-layout import, JFR). They are kept while they fit
 * a memory budget; past it everything kept is let go and the writing pass reads the file again, as
 * it always did. Either way the same subjects are written.
 *
 * <p>Baseline values of variables the study does not define cannot be typed before the whole file is
 * read ({@link ImportChecker.Untyped}): they are kept as their texts, packed into one string per
 * subject (each text after two characters giving its length), and typed when written.
 */
final class KeptSubjects {
    /** A subject as kept: the first pass's record, where it was read, and its untyped values. */
    private record Kept(CheckedSubject record, long line, String recordId, List<String> order, String untyped) {
    }

    private final long budget;
    private final ArrayList<Kept> kept = new ArrayList<>();
    private long bytes;
    private boolean overBudget;
    // consecutive subjects mostly have the same variables: they share one list of names
    private List<String> lastOrder;

    /**
     * Creates an empty store of subjects.
     *
     * @param budget how many bytes (estimated) the kept subjects may take; 0 keeps none
     */
    KeptSubjects(long budget) {
        this.budget = budget;
        this.overBudget = budget <= 0;
    }

    /**
     * Keeps a subject, unless the budget is spent (then nothing is kept from here on).
     *
     * @param record the first pass's record
     * @param raw the subject as read (its first line and id name it in the audit trail)
     * @param untyped its untyped baseline values, or null
     */
    void add(CheckedSubject record, RawSubject raw, ImportChecker.Untyped untyped) {
        if (overBudget) {
            return;
        }
        List<String> order = null;
        String packed = null;
        boolean shared = false;
        if (untyped != null) {
            shared = untyped.order().equals(lastOrder);
            order = shared ? lastOrder : untyped.order();
            lastOrder = order;
            packed = pack(untyped.texts());
        }
        bytes += estimate(record, order != null && !shared ? order.size() : 0, packed);
        if (bytes > budget) {
            overBudget = true;
            kept.clear();
            kept.trimToSize();
            lastOrder = null;
            return;
        }
        kept.add(new Kept(record, raw.idLoc().row(), raw.id(), order, packed));
    }

    /**
     * Whether every subject offered was kept.
     *
     * @return false when the budget was spent (the file must be read again)
     */
    boolean complete() {
        return !overBudget;
    }

    /**
     * How many subjects are kept.
     *
     * @return the count
     */
    int size() {
        return kept.size();
    }

    /**
     * The bytes the kept subjects take, estimated.
     *
     * @return the estimate
     */
    long bytes() {
        return bytes;
    }

    /** Receives a kept subject with its baseline complete. */
    @FunctionalInterface
    interface Writer {
        /**
         * Writes a subject.
         *
         * @param record the subject with every baseline value typed
         * @param line the subject's first line in the file
         * @param recordId the subject's id as the file gives it
         * @throws org.painlab.core.StudyException when writing fails
         */
        void write(CheckedSubject record, long line, String recordId) throws org.painlab.core.StudyException;
    }

    /**
     * Gives every kept subject to a writer, in file order, typing the untyped values by the definitions the
     * first pass decided on; each subject is let go once written.
     *
     * @param definitions the variable definitions the import creates (name to definition)
     * @param fileName the file's name, for problems
     * @param writer receives the subjects
     * @throws ImportAbort when a value does not fit its definition (the first pass's inference should
     *     rule that out; it is an error naming the file, line and variable, never a value silently lost)
     * @throws org.painlab.core.StudyException when writing fails
     */
    void writeAll(Map<String, VariableDefinition> definitions, String fileName, Writer writer)
            throws org.painlab.core.StudyException {
        for (int i = 0; i < kept.size(); i++) {
            Kept k = kept.get(i);
            kept.set(i, null);
            writer.write(typed(k, definitions, fileName), k.line(), k.recordId());
        }
        kept.clear();
    }

    private static CheckedSubject typed(Kept k, Map<String, VariableDefinition> definitions, String fileName) {
        if (k.untyped() == null) {
            return k.record();
        }
        Map<String, VariableValue> typed = k.record().baseline();
        Map<String, VariableValue> baseline = new LinkedHashMap<>(k.order().size() * 4 / 3 + 1);
        String packed = k.untyped();
        int at = 0;
        for (String name : k.order()) {
            VariableValue v = typed.get(name);
            if (v == null) {
                int length = (packed.charAt(at) << 16) | packed.charAt(at + 1);
                String text = packed.substring(at + 2, at + 2 + length);
                at += 2 + length;
                VariableDefinition d = definitions.get(name);
                if (d == null) {
                    throw new ImportAbort(List.of(new ImportProblem(fileName, k.line(), name, "variable " + name
                            + " is not defined (nothing was imported; please report this file)")));
                }
                try {
                    v = d.parse(text);
                } catch (IllegalArgumentException x) {
                    throw new ImportAbort(List.of(new ImportProblem(fileName, k.line(), name, x.getMessage()
                            + " (the type " + d.type().name().toLowerCase(java.util.Locale.ROOT) + " was inferred from the whole file; "
                            + "nothing was imported; please report this file)")));
                }
            }
            baseline.put(name, v);
        }
        return new CheckedSubject(k.record().subject(), baseline, k.record().answers(), k.record().observations());
    }

    /** The texts after their lengths, two characters each: one string instead of one per value. */
    static String pack(List<String> texts) {
        int n = 0;
        for (String t : texts) {
            n += 2 + t.length();
        }
        StringBuilder sb = new StringBuilder(n);
        for (String t : texts) {
            sb.append((char) (t.length() >>> 16)).append((char) t.length()).append(t);
        }
        return sb.toString();
    }

    /**
     * Bytes a kept subject takes, roughly and on the high side: objects, arrays and strings (two bytes a
     * character, as for text that is not Latin-1).
     */
    private static long estimate(CheckedSubject r, int ownOrderNames, String packed) {
        long b = 48 + 48 + 56 + 2L * r.subject().id().length() + 16 + 4L * r.answers().size();
        b += r.baseline().isEmpty() ? 0 : 64 + 100L * r.baseline().size();
        for (CheckedAnswers a : r.answers()) {
            b += a.heapBytes();
        }
        b += r.observations().isEmpty() ? 0 : 16 + 160L * r.observations().size();
        b += ownOrderNames == 0 ? 0 : 16 + 4L * ownOrderNames;
        b += packed == null ? 0 : 40 + 2L * packed.length();
        return b;
    }
}
