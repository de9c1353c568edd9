package org.painlab.trial.store;

import java.util.LinkedHashMap;
import java.util.Map;

/** How variable choices are kept in one column: {@code code=label|code=label} (labels lose any '|'). */
final class Choices {
    private Choices() {
    }

    /**
     * Writes choices.
     *
     * @param choices code to label
     * @return the text, or null when there are none
     */
    public static String format(Map<String, String> choices) {
        if (choices == null || choices.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        choices.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(k.replace('|', '/').replace('=', '-')).append('=').append(v == null ? "" : v.replace('|', '/'));
        });
        return sb.toString();
    }

    /**
     * Reads choices.
     *
     * @param text the text, or null
     * @return code to label in order
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String part : text.split("\\|")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                out.put(part, part);
            } else {
                out.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return out;
    }
}
