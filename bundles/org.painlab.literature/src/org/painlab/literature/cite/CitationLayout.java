package org.painlab.literature.cite;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a style's {@code <citation><layout>} puts around and between cited items, and whether it is numeric. */
record CitationLayout(boolean numeric, String prefix, String delimiter, String suffix) {
    private static final Pattern CATEGORY = Pattern.compile("citation-format=\"([a-z-]+)\"");
    private static final Pattern LAYOUT = Pattern.compile("<citation\\b[^>]*>.*?<layout\\b([^>]*)>", Pattern.DOTALL);
    /** "1.Wang" or "[1]WANG": plain text of a flush-aligned number column has no space before the entry. */
    private static final Pattern NUMBER = Pattern.compile("^(\\[\\d+\\]|\\d+\\.)(?=\\S)");

    static CitationLayout of(String xml) {
        Matcher c = CATEGORY.matcher(xml);
        boolean numeric = c.find() && c.group(1).equals("numeric");
        Matcher l = LAYOUT.matcher(xml);
        String attrs = l.find() ? l.group(1) : "";
        return new CitationLayout(numeric, attr(attrs, "prefix"), attr(attrs, "delimiter"), attr(attrs, "suffix"));
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") : "";
    }

    /** A one-item citation without the layout's prefix and suffix. */
    String strip(String citation) {
        String s = citation;
        if (!prefix.isEmpty() && s.startsWith(prefix)) {
            s = s.substring(prefix.length());
        }
        if (!suffix.isEmpty() && s.endsWith(suffix)) {
            s = s.substring(0, s.length() - suffix.length());
        }
        return s;
    }

    static String spaceAfterNumber(String entry) {
        return NUMBER.matcher(entry).replaceFirst("$1 ");
    }
}
