package org.painlab.literature;

import java.util.List;

/**
 * What an import did: records read, the keys added and replaced, the duplicates found and what was
 * done with each, and the study's PRISMA counts after it.
 *
 * @since 0.1
 */
public record ImportOutcome(int recordsRead, List<String> added, List<String> replaced, List<Duplicate> duplicates,
        PrismaCounts prisma) {
    public ImportOutcome {
        added = List.copyOf(added);
        replaced = List.copyOf(replaced);
        duplicates = List.copyOf(duplicates);
    }
}
