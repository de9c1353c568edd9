package org.painlab.literature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;
import org.painlab.core.extension.ExtensionReader;
import org.painlab.core.io.TextFiles;

/**
 * The formats contributed to {@code org.painlab.literature.formats}, choosing one for a file
 * ({@code auto}: the file name's ending, and when several formats claim it, the first whose
 * {@link LiteratureFormat#recognises} accepts the file's head), and reading a file with it.
 * Broken contributions are logged and skipped by core's {@link ExtensionReader}.
 *
 * @since 0.1
 */
public final class LiteratureFormats {
    /** The extension point id. */
    public static final String POINT = "org.painlab.literature.formats";
    /** The format id meaning "choose by the file". */
    public static final String AUTO = "auto";

    private final ExtensionReader<LiteratureFormat> extensions = new ExtensionReader<>(POINT, "format", LiteratureFormat.class);

    /** A contributed format: id, name, contributor and the file name endings it claims. */
    public record FormatInfo(String id, String name, String contributor, List<String> extensions) {
    }

    /** A file read: the format used and the outcome. */
    public record FileRead(Path file, String format, ReadOutcome outcome) {
    }

    /** The valid contributions, in their order. */
    public List<FormatInfo> list() {
        List<FormatInfo> out = new ArrayList<>();
        for (Contribution<LiteratureFormat> c : extensions.read()) {
            out.add(new FormatInfo(c.id(), c.name(), c.contributor(), endings(c)));
        }
        return out;
    }

    /** The format with {@code id}, or the one chosen for {@code file} when {@code id} is {@value #AUTO} or null. */
    public Contribution<LiteratureFormat> choose(String id, Path file, String text) throws LiteratureException {
        List<Contribution<LiteratureFormat>> all = extensions.read();
        if (id != null && !AUTO.equals(id)) {
            return all.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new LiteratureException(
                    "--format " + id + ": no such literature format; installed: " + ids(all)));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String head = text.substring(0, Math.min(text.length(), 4000));
        List<Contribution<LiteratureFormat>> claiming = all.stream()
                .filter(c -> endings(c).stream().anyMatch(name::endsWith)).toList();
        for (Contribution<LiteratureFormat> c : claiming) {
            if (claiming.size() == 1 || instance(c).recognises(head)) {
                return c;
            }
        }
        for (Contribution<LiteratureFormat> c : all) {
            if (instance(c).recognises(head)) {
                return c;
            }
        }
        throw new LiteratureException(file + ": cannot tell the format of this file from its name or its first lines; "
                + "give --format (" + ids(all) + ")");
    }

    /** Reads {@code file} (UTF-8; a byte-order mark is skipped) with the format {@code id} or the one {@link #choose chosen}. */
    public FileRead read(Path file, String id) throws LiteratureException {
        if (!Files.isRegularFile(file)) {
            throw new LiteratureException(file + ": no such file");
        }
        String text;
        try {
            text = TextFiles.readUtf8(file);
        } catch (IOException e) {
            throw new LiteratureException(e.getMessage(), e);
        }
        Contribution<LiteratureFormat> c = choose(id, file, text);
        try {
            return new FileRead(file, c.id(), instance(c).read(text));
        } catch (LiteratureException e) {
            throw new LiteratureException(file + " (" + c.id() + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // a contributed reader's bug is reported against the file, not as a crash
            throw new LiteratureException(file + ": the format '" + c.id() + "' from " + c.contributor() + " failed: " + e, e);
        }
    }

    /** The format with {@code id}, if installed. */
    public Optional<LiteratureFormat> format(String id) throws LiteratureException {
        Optional<Contribution<LiteratureFormat>> c = extensions.find(id);
        return c.isPresent() ? Optional.of(instance(c.get())) : Optional.empty();
    }

    private static LiteratureFormat instance(Contribution<LiteratureFormat> c) throws LiteratureException {
        try {
            return c.get();
        } catch (ContributionException e) {
            throw new LiteratureException("the format '" + c.id() + "' from " + c.contributor() + " cannot be created: "
                    + e.getMessage(), e);
        }
    }

    private static String ids(List<Contribution<LiteratureFormat>> all) {
        return all.isEmpty() ? "none" : String.join(", ", all.stream().map(Contribution::id).toList());
    }

    private static List<String> endings(Contribution<LiteratureFormat> c) {
        String raw = c.attribute("extensions");
        List<String> out = new ArrayList<>();
        if (raw != null) {
            for (String s : raw.split(",")) {
                String e = s.strip().toLowerCase(Locale.ROOT);
                if (!e.isEmpty()) {
                    out.add(e.startsWith(".") ? e : "." + e);
                }
            }
        }
        return out;
    }
}
