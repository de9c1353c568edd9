package org.painlab.literature;

import java.util.List;

/**
 * A named group of references (a review's included studies, a topic), possibly inside another
 * collection.
 *
 * @param key the collection's key in the study
 * @param name what the reader called it
 * @param parentKey the collection it is in, or null at the top
 * @param referenceKeys the references directly in it, sorted
 * @since 0.1
 */
public record ReferenceCollection(String key, String name, String parentKey, List<String> referenceKeys) {
    public ReferenceCollection {
        referenceKeys = List.copyOf(referenceKeys);
    }
}
