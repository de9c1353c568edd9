package org.painlab.literature.ui.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.painlab.literature.Author;
import org.painlab.literature.Reference;

/**
 * One reference as the Library shows it: the title in the reference's language (title_zh for a
 * Chinese reference), authors abbreviated, and its tags.
 */
public record LibraryRow(Reference reference, List<String> tags) {
    public LibraryRow {
        tags = List.copyOf(tags);
    }

    public String key() {
        return reference.key();
    }

    /** The Chinese title for a Chinese reference (when it has one), else the English one. */
    public String title() {
        Reference r = reference;
        boolean zh = r.language() != null && r.language().startsWith("zh");
        return zh && r.titleZh() != null ? r.titleZh() : r.displayTitle();
    }

    /** Up to three family names, then "et al." ("等" for a Chinese reference). */
    public String authors() {
        List<Author> a = reference.authors();
        String names = a.stream().limit(3).map(Author::family).collect(Collectors.joining(", "));
        if (a.size() > 3) {
            boolean zh = reference.language() != null && reference.language().startsWith("zh");
            names += zh ? " 等" : " et al.";
        }
        return names;
    }

    public String tagText() {
        return String.join(", ", tags);
    }
}
