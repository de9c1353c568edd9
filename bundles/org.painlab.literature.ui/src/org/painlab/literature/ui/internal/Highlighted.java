package org.painlab.literature.ui.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A search passage with its matched words marked {@code <b>...</b>} (as the engine returns it),
 * split into the plain text and the ranges to show bold.
 *
 * @param text the passage without marks
 * @param ranges start and length of each marked run, in order
 */
public record Highlighted(String text, List<int[]> ranges) {
    public Highlighted {
        ranges = List.copyOf(ranges);
    }

    /** Splits a marked passage. */
    public static Highlighted of(String marked) {
        StringBuilder out = new StringBuilder();
        List<int[]> ranges = new ArrayList<>();
        int at = 0;
        while (at < marked.length()) {
            int open = marked.indexOf("<b>", at);
            if (open < 0) {
                break;
            }
            int close = marked.indexOf("</b>", open + 3);
            if (close < 0) {
                break;
            }
            out.append(marked, at, open);
            ranges.add(new int[] {out.length(), close - open - 3});
            out.append(marked, open + 3, close);
            at = close + 4;
        }
        out.append(marked.substring(at));
        return new Highlighted(out.toString(), ranges);
    }

    /** The marked words, in order. */
    public List<String> words() {
        return ranges.stream().map(r -> text.substring(r[0], r[0] + r[1])).toList();
    }
}
