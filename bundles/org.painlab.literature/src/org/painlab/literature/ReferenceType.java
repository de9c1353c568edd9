package org.painlab.literature;

import java.util.Locale;

/**
 * What kind of work a reference is; the names follow CSL's types so that a style formats it rightly.
 *
 * @since 0.1
 */
public enum ReferenceType {
    ARTICLE_JOURNAL("article-journal"), BOOK("book"), CHAPTER("chapter"), PAPER_CONFERENCE("paper-conference"),
    THESIS("thesis"), REPORT("report"), WEBPAGE("webpage"), DATASET("dataset"), OTHER("article");

    private final String csl;

    ReferenceType(String csl) {
        this.csl = csl;
    }

    /** The CSL type name, e.g. {@code article-journal}. */
    public String csl() {
        return csl;
    }

    /** The type with this CSL name (case-insensitive), {@link #OTHER} when unknown. */
    public static ReferenceType ofCsl(String name) {
        if (name != null) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            for (ReferenceType t : values()) {
                if (t.csl.equals(n)) {
                    return t;
                }
            }
        }
        return OTHER;
    }
}
