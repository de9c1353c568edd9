package org.painlab.literature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.painlab.core.io.AtomicFiles;

/**
 * Writes references to a file in a contributed format that can write (RIS, BibTeX, CSL-JSON
 * built in), through a temporary file and a move: the target is complete or untouched.
 *
 * @since 0.1
 */
public final class LibraryExport {
    private final LiteratureFormats formats;

    public LibraryExport(LiteratureFormats formats) {
        this.formats = formats;
    }

    /** The ids of the installed formats that can write. */
    public List<String> writableFormats() throws LiteratureException {
        List<String> out = new ArrayList<>();
        for (LiteratureFormats.FormatInfo f : formats.list()) {
            if (formats.format(f.id()).map(LiteratureFormat::writes).orElse(false)) {
                out.add(f.id());
            }
        }
        return out;
    }

    /**
     * @param references the references to write, in order
     * @param format the format id
     * @param target the file to write (replaced when it exists)
     * @throws LiteratureException when the format is not installed or cannot write, or the file cannot be written
     */
    public void export(List<Reference> references, String format, Path target) throws LiteratureException {
        LiteratureFormat f = formats.format(format).orElseThrow(() -> new LiteratureException(
                "no literature format '" + format + "' is installed"));
        if (!f.writes()) {
            throw new LiteratureException("the format '" + format + "' can be read but not written; formats that write: "
                    + String.join(", ", writableFormats()));
        }
        String text = f.write(references);
        try {
            AtomicFiles.writeFile(target, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LiteratureException(target + ": cannot be written: " + e.getMessage(), e);
        }
    }
}
