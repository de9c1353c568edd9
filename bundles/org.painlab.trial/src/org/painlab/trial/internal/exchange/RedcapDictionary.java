package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.painlab.trial.store.Numbers;
import org.painlab.trial.store.VariableDefinition;
import org.painlab.trial.store.VariableType;

/**
 * A REDCap data dictionary (the CSV REDCap's "Data Dictionary" page downloads and uploads). Columns
 * are found by their standard headers ("Variable / Field Name", "Form Name", "Field Type",
 * "Field Label", "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show
 * Slider Number", "Text Validation Min", "Text Validation Max"); other columns are ignored.
 */
public final class RedcapDictionary {
    /** The standard header, in REDCap's order. */
    public static final List<String> HEADER = List.of("Variable / Field Name", "Form Name", "Section Header", "Field Type",
            "Field Label", "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
            "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
            "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?",
            "Field Annotation");

    /** One field of the dictionary. */
    public record Field(String name, String form, String type, String label, Map<String, String> choices, String validation,
            String min, String max, String note, long row, String calculation) {

        /**
         * The data column of one checkbox option, as REDCap names it: {@code <field>___<code>}, the
         * code in lower case with other characters than letters and digits as '_'.
         *
         * @param code the option code
         * @return the column name
         */
        public String checkboxColumn(String code) {
            return name + "___" + code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        }

        /**
         * The variable of one checkbox option: an integer 1 (ticked) or 0 (not ticked).
         *
         * @param column the variable name (the option's column)
         * @param code the option code
         * @return the definition
         */
        public VariableDefinition checkboxOption(String column, String code) {
            String option = choices.getOrDefault(code, code);
            Map<String, String> ticks = new LinkedHashMap<>();
            ticks.put("0", "not ticked");
            ticks.put("1", "ticked");
            return new VariableDefinition(column, (label.isBlank() ? name : label) + ": " + option, VariableType.INTEGER, null,
                    0.0, 1.0, ticks, 0);
        }

        /**
         * The variable definition this field describes.
         *
         * @param name the variable name
         * @return the definition
         */
        public VariableDefinition variable(String name) {
            VariableType t;
            Map<String, String> ch = new LinkedHashMap<>(choices);
            Double mn = number(min);
            Double mx = number(max);
            switch (type) {
                case "yesno" -> {
                    t = VariableType.INTEGER;
                    ch = new LinkedHashMap<>();
                    ch.put("0", "no");
                    ch.put("1", "yes");
                }
                case "truefalse" -> {
                    t = VariableType.INTEGER;
                    ch = new LinkedHashMap<>();
                    ch.put("0", "false");
                    ch.put("1", "true");
                }
                case "radio", "dropdown" -> {
                    boolean numeric = !ch.isEmpty();
                    boolean integer = true;
                    for (String code : ch.keySet()) {
                        if (!Numbers.isNumber(code)) {
                            numeric = false;
                            break;
                        }
                        double d = Numbers.parseNumber(code);
                        integer &= d == Math.rint(d);
                    }
                    t = numeric ? (integer ? VariableType.INTEGER : VariableType.NUMBER) : VariableType.TEXT;
                    if (numeric) {
                        Map<String, String> canonical = new LinkedHashMap<>();
                        ch.forEach((k, v) -> canonical.put(Numbers.format(Numbers.parseNumber(k)), v));
                        ch = canonical;
                    }
                }
                case "slider" -> {
                    t = VariableType.INTEGER;
                    mn = mn == null ? 0.0 : mn;
                    mx = mx == null ? 100.0 : mx;
                    ch = Map.of();
                }
                default -> {
                    String v = validation.toLowerCase(Locale.ROOT);
                    if (v.equals("integer")) {
                        t = VariableType.INTEGER;
                    } else if (v.startsWith("number")) {
                        t = VariableType.NUMBER;
                    } else if (v.startsWith("date_")) {
                        t = VariableType.DATE;
                        mn = null;
                        mx = null;
                    } else {
                        t = VariableType.TEXT;
                        mn = null;
                        mx = null;
                    }
                    ch = Map.of();
                }
            }
            String unit = null;
            if (note.toLowerCase(Locale.ROOT).startsWith("unit:")) {
                unit = note.substring(5).strip();
            }
            return new VariableDefinition(name, label.isBlank() ? name : label, t, unit, mn, mx, ch, 0);
        }

        private static Double number(String s) {
            return s != null && Numbers.isNumber(s) ? Numbers.parseNumber(s) : null;
        }
    }

    final List<Field> fields = new ArrayList<>();
    final String fileName;

    private RedcapDictionary(String fileName) {
        this.fileName = fileName;
    }

    /**
     * Reads a dictionary, reporting problems to the checker under the dictionary's file name.
     *
     * @param file the dictionary CSV
     * @param checker receives problems
     * @return the dictionary (possibly empty)
     * @throws IOException when the file cannot be read
     */
    public static RedcapDictionary read(Path file, ImportChecker checker) throws IOException {
        return read(file, checker, org.painlab.core.importer.ImportLimits.defaults());
    }

    /**
     * Reads a dictionary within size limits, reporting problems to the checker under the dictionary's file name.
     *
     * @param file the dictionary CSV
     * @param checker receives problems
     * @param limits the size limits
     * @return the dictionary (possibly empty)
     * @throws IOException when the file cannot be read
     */
    public static RedcapDictionary read(Path file, ImportChecker checker, org.painlab.core.importer.ImportLimits limits)
            throws IOException {
        RedcapDictionary d = new RedcapDictionary(file.getFileName().toString());
        try (TableReader t = new CsvTableReader(file, limits)) {
            String[] header = t.next();
            if (header == null) {
                checker.problem(d.fileName, new Loc(0, ""), "the data dictionary is empty");
                return d;
            }
            int name = -1;
            int form = -1;
            int type = -1;
            int label = -1;
            int choices = -1;
            int note = -1;
            int validation = -1;
            int min = -1;
            int max = -1;
            for (int i = 0; i < header.length; i++) {
                String h = header[i] == null ? "" : header[i].replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                if (h.startsWith("variable") || h.equals("field_name")) {
                    name = i;
                } else if (h.startsWith("form name") || h.equals("form_name")) {
                    form = i;
                } else if (h.startsWith("field type") || h.equals("field_type")) {
                    type = i;
                } else if (h.startsWith("field label") || h.equals("field_label")) {
                    label = i;
                } else if (h.startsWith("choices") || h.startsWith("select_choices")) {
                    choices = i;
                } else if (h.startsWith("field note") || h.equals("field_note")) {
                    note = i;
                } else if (h.startsWith("text validation type") || h.startsWith("text_validation_type")) {
                    validation = i;
                } else if (h.startsWith("text validation min") || h.startsWith("text_validation_min")) {
                    min = i;
                } else if (h.startsWith("text validation max") || h.startsWith("text_validation_max")) {
                    max = i;
                }
            }
            long hr = t.row();
            if (name < 0 || form < 0 || type < 0) {
                checker.problem(d.fileName, new Loc(hr, name < 0 ? "Variable / Field Name" : form < 0 ? "Form Name" : "Field Type"),
                        "not a REDCap data dictionary: the columns 'Variable / Field Name', 'Form Name' and 'Field Type' are required");
                return d;
            }
            String[] row;
            while ((row = t.next()) != null) {
                String n = TableSource.cell(row, name);
                if (n.isEmpty()) {
                    continue;
                }
                long r = t.row();
                String ty = TableSource.cell(row, type).toLowerCase(Locale.ROOT);
                Map<String, String> ch = new LinkedHashMap<>();
                String raw = choices < 0 ? "" : TableSource.cell(row, choices);
                if (!raw.isEmpty() && !ty.equals("calc") && !ty.equals("slider") && !ty.equals("sql") && !ty.equals("descriptive")) {
                    for (String part : raw.split("\\|")) {
                        String p = part.strip();
                        if (p.isEmpty()) {
                            continue;
                        }
                        int comma = p.indexOf(',');
                        if (comma < 0) {
                            checker.problem(d.fileName, new Loc(r, HEADER.get(5)), "field " + n + ": choice '" + p
                                    + "' is not 'code, label'");
                            continue;
                        }
                        ch.put(p.substring(0, comma).strip(), p.substring(comma + 1).strip());
                    }
                }
                d.fields.add(new Field(n, TableSource.cell(row, form), ty, label < 0 ? "" : TableSource.cell(row, label), ch,
                        validation < 0 ? "" : TableSource.cell(row, validation), min < 0 ? "" : TableSource.cell(row, min),
                        max < 0 ? "" : TableSource.cell(row, max), note < 0 ? "" : TableSource.cell(row, note), r,
                        ty.equals("calc") ? raw : ""));
            }
        } catch (TableFormatException e) {
            checker.problem(d.fileName, new Loc(e.row(), ""), e.getMessage());
        }
        if (d.fields.isEmpty()) {
            checker.problem(d.fileName, new Loc(0, ""), "the data dictionary defines no fields");
        }
        return d;
    }
}
