package org.painlab.literature;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the held reference a new one duplicates: same DOI, else same PMID, else the same normalised
 * title (letters and digits of the English title, or of the Chinese one when there is no English
 * title; titles shorter than 12 characters are not compared, as "Editorial" is no evidence).
 *
 * @since 0.1
 */
public final class DuplicateFinder {
    private static final int MIN_TITLE = 12;
    private final Map<String, String> byDoi = new HashMap<>();
    private final Map<String, String> byPmid = new HashMap<>();
    private final Map<String, String> byTitle = new HashMap<>();

    /** A match: the key held and what matched. */
    public record Match(String key, String on) {
    }

    public DuplicateFinder(List<Reference> held) {
        held.forEach(this::add);
    }

    /** Holds {@code r} too (its key must be set), so later records are compared with it. */
    public void add(Reference r) {
        if (r.doi() != null) {
            byDoi.putIfAbsent(r.doi(), r.key());
        }
        if (r.pmid() != null) {
            byPmid.putIfAbsent(r.pmid(), r.key());
        }
        String t = titleOf(r);
        if (t.length() >= MIN_TITLE) {
            byTitle.putIfAbsent(t, r.key());
        }
    }

    public Optional<Match> find(Reference r) {
        if (r.doi() != null && byDoi.containsKey(r.doi())) {
            return Optional.of(new Match(byDoi.get(r.doi()), "doi"));
        }
        if (r.pmid() != null && byPmid.containsKey(r.pmid())) {
            return Optional.of(new Match(byPmid.get(r.pmid()), "pmid"));
        }
        String t = titleOf(r);
        if (t.length() >= MIN_TITLE && byTitle.containsKey(t)) {
            return Optional.of(new Match(byTitle.get(t), "title"));
        }
        return Optional.empty();
    }

    private static String titleOf(Reference r) {
        return Identifiers.normalisedTitle(r.title() != null ? r.title() : r.titleZh());
    }
}
