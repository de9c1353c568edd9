package org.painlab.mechanism.ui.internal.views;

import java.util.List;

import org.painlab.mechanism.ui.internal.model.LoadedModel;

/**
 * One row of the model outline: a model, a group (Species, Parameters, ...) or an element, with the model
 * it belongs to so any row selects its model.
 *
 * @param model the model (null while a built-in is still being read)
 * @param label the name shown
 * @param value value column (numbers, formulas)
 * @param units units column
 * @param note the element's notes (sources of parameter values)
 * @param children rows under it
 * @param parameter the parameter's id on a parameter's row (what links to it name), else null
 */
public record OutlineNode(LoadedModel model, String label, String value, String units, String note, List<OutlineNode> children,
        String parameter) {
    /** Copies the children. */
    public OutlineNode {
        children = List.copyOf(children);
    }

    /** A row that is not a parameter's. */
    public OutlineNode(LoadedModel model, String label, String value, String units, String note, List<OutlineNode> children) {
        this(model, label, value, units, note, children, null);
    }

    /** The row labelled {@code path[0]} under this one, then {@code path[1]} under that, ...; null when missing. */
    public OutlineNode find(String... path) {
        OutlineNode n = this;
        for (String p : path) {
            n = n.children().stream().filter(c -> c.label().equals(p) || c.label().startsWith(p + " ")).findFirst().orElse(null);
            if (n == null) {
                return null;
            }
        }
        return n;
    }
}
