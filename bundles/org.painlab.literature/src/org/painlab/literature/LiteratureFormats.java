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

    /**
     * What a file holds, read record by record without keeping the records (a large file is never
     * held whole): the format chosen, the number of records, how many are good, and the problems.
     *
     * @param file the file
     * @param format the format id used
     * @param recordsRead the records in the file, good and bad
     * @param good the records that can be imported
     * @param problems the records that cannot, each named
     * @since 0.1
     */
    public record FileScan(Path file, String format, int recordsRead, int good, List<RecordProblem> problems) {
        public FileScan {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads {@code file} once to count its records and list its problems, keeping no record: what
     * the user sees before choosing to import all good records or none. {@link #stream} then reads
     * it again into an import.
     *
     * @param file the file (UTF-8; a byte-order mark is skipped)
     * @param id a format id, or {@value #AUTO}
     * @return the format chosen, the counts and the problems
     * @throws LiteratureException naming the file when it cannot be read or is not of the format
     * @since 0.1
     */
    public FileScan scan(Path file, String id) throws LiteratureException {
        checkText(file);
        String format = choose(id, file, head(file)).id();
        int[] good = {0};
        List<RecordProblem> problems = new ArrayList<>();
        stream(file, format, new RecordSink() {
            @Override
            public void record(ReadRecord r) {
                good[0]++;
            }

            @Override
            public void problem(RecordProblem p) {
                problems.add(p);
            }
        });
        return new FileScan(file, format, good[0] + problems.size(), good[0], problems);
    }

    /**
     * Reads {@code file} with the format {@code id} record by record into {@code sink} (formats that
     * read only whole texts are given the whole text, see {@link LiteratureFormat#read(java.io.Reader, RecordSink)}).
     *
     * @param file the file (UTF-8; a byte-order mark is skipped)
     * @param id an installed format id (not {@value #AUTO}: {@link #scan} chooses it)
     * @param sink receives the records and problems in file order
     * @throws LiteratureException naming the file when it cannot be read, is not UTF-8 or not of the format, or the
     *     sink refuses a record
     * @since 0.1
     */
    public void stream(Path file, String id, RecordSink sink) throws LiteratureException {
        if (!Files.isRegularFile(file)) {
            throw new LiteratureException(file + ": no such file");
        }
        Contribution<LiteratureFormat> c = choose(id, file, "");
        java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try (java.io.BufferedReader in = new java.io.BufferedReader(
                new java.io.InputStreamReader(Files.newInputStream(file), utf8), 1 << 16)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            instance(c).read(in, sink);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new LiteratureException(file + ": not UTF-8 text (" + e.getMessage() + "); save it as UTF-8", e);
        } catch (IOException e) {
            throw new LiteratureException(file + ": " + e.getMessage(), e);
        } catch (LiteratureException e) {
            throw new LiteratureException(file + " (" + c.id() + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new LiteratureException(file + ": the format '" + c.id() + "' from " + c.contributor() + " failed: " + e, e);
        }
    }

    /**
     * Checks that the file is UTF-8 text in chunks (no UTF-16, no zero byte, valid UTF-8); when it is not,
     * core's {@link TextFiles#readUtf8} is asked for the message that names the byte, offset and line.
     */
    private static void checkText(Path file) throws LiteratureException {
        if (!Files.isRegularFile(file)) {
            throw new LiteratureException(file + ": no such file");
        }
        java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        boolean bad = false;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(buf.length + 8);
            java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(buf.length + 8);
            boolean first = true;
            int n;
            while (!bad && (n = in.read(buf)) > 0) {
                if (first && n >= 2 && ((buf[0] & 0xFF) == 0xFF && (buf[1] & 0xFF) == 0xFE
                        || (buf[0] & 0xFF) == 0xFE && (buf[1] & 0xFF) == 0xFF)) {
                    bad = true;
                }
                first = false;
                for (int i = 0; i < n && !bad; i++) {
                    bad = buf[i] == 0;
                }
                bytes.put(buf, 0, n).flip();
                chars.clear();
                bad |= utf8.decode(bytes, chars, false).isError();
                bytes.compact();
            }
            if (!bad) {
                bytes.flip();
                chars.clear();
                bad = utf8.decode(bytes, chars, true).isError() || utf8.flush(chars).isError();
            }
        } catch (IOException e) {
            throw new LiteratureException(file + ": " + e.getMessage(), e);
        }
        if (bad) {
            try {
                TextFiles.readUtf8(file);
            } catch (IOException e) {
                throw new LiteratureException(e.getMessage(), e);
            }
            throw new LiteratureException(file + ": not UTF-8 text; save it as UTF-8");
        }
    }

    /** The first characters of a file, for choosing its format. */
    private static String head(Path file) throws LiteratureException {
        if (!Files.isRegularFile(file)) {
            throw new LiteratureException(file + ": no such file");
        }
        try (java.io.Reader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            char[] buf = new char[4000];
            int n = in.read(buf);
            String head = n <= 0 ? "" : new String(buf, 0, n);
            return head.startsWith("\uFEFF") ? head.substring(1) : head;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new LiteratureException(file + ": not UTF-8 text (" + e.getMessage() + "); save it as UTF-8", e);
        } catch (IOException e) {
            throw new LiteratureException(file + ": " + e.getMessage(), e);
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
