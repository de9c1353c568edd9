package org.painlab.literature;

import java.util.List;
import java.util.Map;

/**
 * What the search index holds besides the references: the notes, and the tags of references and
 * notes (item type to item key to tags, as {@link TagStore#all()} gives them).
 *
 * @since 0.1
 */
public record LibraryExtras(List<Note> notes, Map<String, Map<String, List<String>>> tags) {
    public LibraryExtras {
        notes = List.copyOf(notes);
        tags = Map.copyOf(tags);
    }

    /** No notes, no tags. */
    public static LibraryExtras none() {
        return new LibraryExtras(List.of(), Map.of());
    }

    /** The tags of one item, or none. */
    public List<String> tagsOf(String itemType, String key) {
        return tags.getOrDefault(itemType, Map.of()).getOrDefault(key, List.of());
    }
}
