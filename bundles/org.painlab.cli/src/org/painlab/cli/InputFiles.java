package org.painlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.painlab.core.io.JsonText;
import org.painlab.core.io.TextFiles;

import tools.jackson.core.JacksonException;

/**
 * Reads the input files a command names ({@code --input FILE.json}, an audit table, an answer
 * set) and turns every way they can be wrong into a {@link CliFailure} naming the file: no such
 * file, a folder, not UTF-8 (with the byte offset), JSON syntax (with line and column).
 *
 * @since 0.1
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * @param file a UTF-8 text file
     * @return its text
     * @throws CliFailure naming the file and what is wrong
     */
    public static String text(Path file) {
        try {
            return TextFiles.readUtf8(file);
        } catch (IOException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }

    /**
     * @param file a JSON file
     * @return the parsed value (maps, lists, numbers, strings, booleans, null)
     * @throws CliFailure naming the file, and the line and column of a syntax error
     */
    public static Object json(Path file) {
        String text = text(file);
        if (text.isBlank()) {
            throw new CliFailure(file + ": the file is empty; expected a JSON object");
        }
        try {
            return new Json().mapper().readValue(text, Object.class);
        } catch (JacksonException e) {
            throw new CliFailure(file + " is not valid JSON: " + JsonText.syntaxProblem(e), e);
        }
    }

    /**
     * @param file a JSON file holding one object
     * @param what what the object holds, for the message ("input fields")
     * @return the object
     * @throws CliFailure naming the file when it is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> jsonObject(Path file, String what) {
        Object parsed = json(file);
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new CliFailure(file + ": expected a JSON object of " + what + ", found "
                    + (parsed instanceof java.util.List ? "an array" : parsed == null ? "null" : "a single value"));
        }
        return (Map<String, Object>) m;
    }
}
