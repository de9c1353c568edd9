package org.painlab.cli;

import java.io.PrintWriter;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a command's result as exactly one JSON object (the {@code --json}
 * contract): full double precision, nothing else on stdout.
 *
 * @since 0.1
 */
public final class Json {
    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Prints {@code value} (maps, lists, numbers, strings, records) followed by a newline. */
    public void print(PrintWriter out, Object value) {
        try {
            out.println(mapper.writeValueAsString(value));
            out.flush();
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** The mapper, for commands that read JSON input files. */
    public JsonMapper mapper() {
        return mapper;
    }
}
