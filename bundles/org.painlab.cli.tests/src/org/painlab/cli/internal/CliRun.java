package org.painlab.cli.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Runs the painlab command tree in-process and keeps what it printed, for tests. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandTree(new CommandContributions()).build(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
        return JsonMapper.builder().build().readValue(out, Map.class);
    }
}
