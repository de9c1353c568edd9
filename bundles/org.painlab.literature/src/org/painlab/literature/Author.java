package org.painlab.literature;

import java.util.List;

/**
 * One author of a reference: family and given name as the source spells them (a Chinese name
 * usually whole in {@code family}, given null) and the affiliations printed for this author.
 *
 * @since 0.1
 */
public record Author(String family, String given, List<String> affiliations) {
    public Author {
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
    }

    /** An author from one written name: "Family, Given", "Family GI" (MEDLINE) or a whole name ("张三"). */
    public static Author parse(String name, List<String> affiliations) {
        String n = name.strip();
        int comma = n.indexOf(',');
        if (comma > 0) {
            String given = n.substring(comma + 1).strip();
            return new Author(n.substring(0, comma).strip(), given.isEmpty() ? null : given, affiliations);
        }
        return new Author(n, null, affiliations);
    }

    /** "Family, Given" or the family name alone. */
    public String display() {
        return given == null || given.isBlank() ? family : family + ", " + given;
    }
}
