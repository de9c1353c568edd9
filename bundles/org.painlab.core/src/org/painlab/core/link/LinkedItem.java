package org.painlab.core.link;

import java.util.Optional;

/**
 * The other end of one of an item's links, as it reads now: which way the link goes, the other item's
 * link target and key, and its current label, or why there is none (the item is gone, or the plug-in
 * contributing its link target is not installed). What every list of links and backlinks shows (the
 * workbench's links sections, {@code painlab study links}, {@code painlab lit note show}).
 *
 * @param link the stored link
 * @param outgoing true when the item links to the other end, false when the other end links to it (a backlink)
 * @param type link target id of the other end
 * @param key key of the other end
 * @param label the other end's label now; empty when it does not resolve
 * @param problem why it does not resolve: null when it does, {@link #GONE} when the item no longer exists,
 *        else the error (e.g. naming a link target that is not installed)
 * @since 0.1
 */
public record LinkedItem(ItemLink link, boolean outgoing, String type, String key, Optional<String> label, String problem) {
    /** The problem of an item that no longer exists. */
    public static final String GONE = "gone";

    /** "links to" for a link of the item, "linked from" for a backlink. */
    public String direction() {
        return outgoing ? "links to" : "linked from";
    }

    /** The label, else "(gone)" or "(the error)": the text shown for the other end. */
    public String text() {
        return label.orElseGet(() -> "(" + problem + ")");
    }
}
