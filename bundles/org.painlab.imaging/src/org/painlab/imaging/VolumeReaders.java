package org.painlab.imaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;
import org.painlab.core.extension.ExtensionReader;

/**
 * The readers contributed to {@code org.painlab.imaging.volumeReaders}, and reading a file with the
 * one that claims its name's ending (the longest matching ending wins; of two readers claiming the
 * same ending, the one listed first: lower {@code order}, built-ins first). Broken contributions are
 * logged and skipped by core's {@link ExtensionReader}.
 *
 * @since 0.1
 */
public final class VolumeReaders {
    /** The extension point id. */
    public static final String POINT = "org.painlab.imaging.volumeReaders";

    private final ExtensionReader<VolumeReader> extensions = new ExtensionReader<>(POINT, "reader", VolumeReader.class)
            .unique("extensions");

    /** A contributed reader: its id, name and the file name endings it claims. */
    public record ReaderInfo(String id, String name, String contributor, List<String> extensions) {
    }

    /** The valid contributions, in their order. */
    public List<ReaderInfo> list() {
        List<ReaderInfo> out = new ArrayList<>();
        for (Contribution<VolumeReader> c : extensions.read()) {
            out.add(new ReaderInfo(c.id(), c.name(), c.contributor(), endings(c)));
        }
        return out;
    }

    /** The reader contribution whose ending matches {@code file}'s name, if any. */
    public Optional<Contribution<VolumeReader>> forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Contribution<VolumeReader> best = null;
        int bestLength = -1;
        for (Contribution<VolumeReader> c : extensions.read()) {
            for (String e : endings(c)) {
                if (name.endsWith(e) && e.length() > bestLength) {
                    best = c;
                    bestLength = e.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Reads {@code file} with the reader claiming its ending.
     *
     * @throws ImagingException no such file, no reader for the ending, or the reader's own refusal
     */
    public Volume read(Path file) throws ImagingException {
        if (!Files.isRegularFile(file)) {
            throw new ImagingException(file, null, "no such file");
        }
        Contribution<VolumeReader> c = forFile(file).orElseThrow(() -> new ImagingException(file, null,
                "no volume reader for this file name; installed readers take " + allEndings()));
        VolumeReader reader;
        try {
            reader = c.get();
        } catch (ContributionException e) {
            throw new ImagingException(file, null, "the reader '" + c.id() + "' from " + c.contributor()
                    + " cannot be created: " + e.getMessage(), e);
        }
        try {
            return reader.read(file);
        } catch (RuntimeException e) {
            // a contributed reader's bug must not look like a crash of the command: report it against the file
            throw new ImagingException(file, null, "the reader '" + c.id() + "' from " + c.contributor() + " failed: " + e, e);
        }
    }

    /** The format id of the reader that would read {@code file}, or null. */
    public String formatOf(Path file) {
        return forFile(file).map(Contribution::id).orElse(null);
    }

    private String allEndings() {
        List<String> all = new ArrayList<>();
        for (ReaderInfo r : list()) {
            all.addAll(r.extensions());
        }
        return all.isEmpty() ? "nothing (no reader installed)" : String.join(", ", all);
    }

    private static List<String> endings(Contribution<VolumeReader> c) {
        String raw = c.attribute("extensions");
        List<String> out = new ArrayList<>();
        if (raw != null) {
            for (String s : raw.split(",")) {
                String e = s.trim().toLowerCase(Locale.ROOT);
                if (!e.isEmpty()) {
                    out.add(e.startsWith(".") ? e : "." + e);
                }
            }
        }
        return out;
    }
}
