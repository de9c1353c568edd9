package org.painlab.stats.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.painlab.cli.CliFailure;
import org.painlab.core.io.JsonText;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.StatisticalTests;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code stats test --batch FILE.jsonl}: one input object per line, one result object per line, in
 * the same order. A line that cannot be answered gets an {@code error} naming its line number and the
 * field; the other lines are still answered, so one bad row of a thousand costs one row, not the call.
 * Reads and writes line by line: a file of any length needs memory for one line at a time.
 */
final class TestBatch {
    /** Keys of a line that are options or bookkeeping, not input fields of the test. */
    static final Set<String> RESERVED = Set.of("id", "method", "alternative", "exact", "correct", "zero_method",
            "conf_level");

    private final JsonMapper compact = JsonMapper.builder().build();
    private final StatisticalTests tests = new StatisticalTests();
    private final String defaultMethod;
    private final TestOptions defaults;

    /**
     * @param defaultMethod the METHOD given on the command line, or null when every line names its own
     * @param defaults options from the command line; a line's own option keys override them
     */
    TestBatch(String defaultMethod, TestOptions defaults) {
        this.defaultMethod = defaultMethod;
        this.defaults = defaults;
    }

    /** Counts of a finished batch. */
    record Outcome(int answered, List<Integer> failedLines) {
    }

    Outcome run(Path file, PrintWriter out) {
        int answered = 0;
        List<Integer> failed = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineNo = 0;
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> answer = answer(file, lineNo, line);
                if (answer.containsKey("error")) {
                    failed.add(lineNo);
                } else {
                    answered++;
                }
                out.println(compact.writeValueAsString(answer));
            }
        } catch (CharacterCodingException e) {
            throw new CliFailure(file + ": not UTF-8 text after line " + lineNo, e);
        } catch (IOException e) {
            throw new CliFailure(file + ": " + (Files.isDirectory(file) ? "is a folder, not a file"
                    : Files.exists(file) ? "cannot be read (" + e.getMessage() + ")" : "no such file"), e);
        }
        out.flush();
        return new Outcome(answered, failed);
    }

    private Map<String, Object> answer(Path file, int lineNo, String line) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("line", lineNo);
        Map<String, Object> fields;
        try {
            Object parsed = compact.readValue(line, Object.class);
            if (!(parsed instanceof Map<?, ?> m)) {
                return error(answer, file, lineNo, "expected a JSON object of input fields");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            fields = map;
        } catch (JacksonException e) {
            return error(answer, file, lineNo, "not valid JSON: " + JsonText.syntaxProblem(e).replaceFirst("^line 1, ", ""));
        }
        if (fields.containsKey("id")) {
            answer.put("id", fields.get("id"));
        }
        Object methodValue = fields.getOrDefault("method", defaultMethod);
        if (!(methodValue instanceof String method) || method.isBlank()) {
            return error(answer, file, lineNo, "field 'method': missing; give METHOD on the command line or a"
                    + " \"method\" in each line");
        }
        StatisticalTest test;
        try {
            test = tests.get(method);
        } catch (IllegalArgumentException e) {
            return error(answer, file, lineNo, "field 'method': " + e.getMessage());
        }
        TestOptions options;
        try {
            options = lineOptions(fields);
        } catch (IllegalArgumentException e) {
            return error(answer, file, lineNo, e.getMessage());
        }
        Map<String, Object> input = new LinkedHashMap<>(fields);
        input.keySet().removeAll(RESERVED);
        TestResult result;
        try {
            result = test.run(TestInput.of(input), options);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return error(answer, file, lineNo, UserTerms.of(e));
        } catch (RuntimeException e) {
            return error(answer, file, lineNo, method + " cannot be computed from these values (" + UserTerms.of(e) + ")");
        }
        if (Double.isNaN(result.pValue()) || result.statistic() != null && Double.isNaN(result.statistic())) {
            return error(answer, file, lineNo, method + " gave no result for these values (not a number)");
        }
        answer.putAll(result.toMap());
        return answer;
    }

    private TestOptions lineOptions(Map<String, Object> fields) {
        TestOptions o = defaults;
        if (fields.containsKey("alternative")) {
            String alternative = text(fields, "alternative");
            try {
                o = o.withAlternative(org.painlab.stats.Alternative.parse(alternative));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field 'alternative': '" + alternative
                        + "' is not one of two-sided, less, greater", e);
            }
        }
        if (fields.containsKey("exact")) {
            o = o.withExact(bool(fields, "exact"));
        }
        if (fields.containsKey("correct")) {
            o = o.withCorrect(bool(fields, "correct"));
        }
        if (fields.containsKey("zero_method")) {
            String zeros = text(fields, "zero_method");
            if (!"wilcox".equals(zeros) && !"pratt".equals(zeros)) {
                throw new IllegalArgumentException("field 'zero_method': '" + zeros + "' is not one of wilcox, pratt");
            }
            o = o.withZeroMethod(zeros);
        }
        if (fields.containsKey("conf_level")) {
            if (!(fields.get("conf_level") instanceof Number n) || !(n.doubleValue() > 0 && n.doubleValue() < 1)) {
                throw new IllegalArgumentException("field 'conf_level': expected a number between 0 and 1");
            }
            o = o.withConfLevel(n.doubleValue());
        }
        return o;
    }

    private static String text(Map<String, Object> fields, String key) {
        if (!(fields.get(key) instanceof String s)) {
            throw new IllegalArgumentException("field '" + key + "': expected text");
        }
        return s;
    }

    private static boolean bool(Map<String, Object> fields, String key) {
        if (!(fields.get(key) instanceof Boolean b)) {
            throw new IllegalArgumentException("field '" + key + "': expected true or false");
        }
        return b;
    }

    private static Map<String, Object> error(Map<String, Object> answer, Path file, int lineNo, String what) {
        answer.put("error", file.getFileName() + " line " + lineNo + ": " + what);
        return answer;
    }
}
