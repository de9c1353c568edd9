package org.painlab.trial.exchange;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * How to read an imported file.
 *
 * @param format the file format
 * @param layout the table layout (CSV and XLSX only)
 * @param mapping column mapping and value recodes applied before validation
 * @param dictionary the REDCap data dictionary (null: {@code <data file name>_DataDictionary.csv} beside
 *     the data file)
 * @param actor who imports (recorded in the audit trail)
 * @param acceptRefusals import the rest of a file whose values were partly refused (each accepted
 *     refusal is written to the audit trail); false: a file with refused values imports nothing
 *
 * @since 0.1
 */
public record ImportOptions(ExchangeFormat format, Layout layout, ColumnMapping mapping, Path dictionary, String actor,
        boolean acceptRefusals) {

    /** Fills defaults: wide layout, no mapping, the current OS user as actor. */
    public ImportOptions {
        if (layout == null) {
            layout = Layout.WIDE;
        }
        if (mapping == null) {
            mapping = ColumnMapping.none();
        }
        if (actor == null || actor.isBlank()) {
            actor = System.getProperty("user.name", "unknown");
        }
    }

    /**
     * Options that refuse the whole file when any value is refused.
     *
     * @param format the file format
     * @param layout the table layout
     * @param mapping column mapping
     * @param dictionary REDCap data dictionary or null
     * @param actor who imports
     */
    public ImportOptions(ExchangeFormat format, Layout layout, ColumnMapping mapping, Path dictionary, String actor) {
        this(format, layout, mapping, dictionary, actor, false);
    }

    /**
     * Options for a file: the format from its extension (CSV when unknown; REDCap for a CSV file with
     * its REDCap data dictionary beside it, see {@link ExchangeFormat#forImport}), wide layout, no mapping.
     *
     * @param file the file
     * @return the options
     */
    public static ImportOptions forFile(Path file) {
        return new ImportOptions(ExchangeFormat.forImport(file).orElse(ExchangeFormat.CSV), Layout.WIDE, null, null, null);
    }

    /**
     * Options from the string map of {@link org.painlab.core.importer.Importer}: {@code format},
     * {@code layout}, {@code mapping} (path of a JSON mapping file), {@code dictionary} (REDCap),
     * {@code actor} and {@code accept-refusals} ({@code true} to import a file whose values were partly
     * refused).
     *
     * @param file the imported file
     * @param options the options (missing keys take defaults)
     * @param defaultFormat the format when {@code format} is missing
     * @return the options
     * @throws org.painlab.core.importer.ImportException when the mapping file is invalid
     * @throws IllegalArgumentException for an unknown format or layout
     */
    public static ImportOptions fromMap(Path file, Map<String, String> options, ExchangeFormat defaultFormat)
            throws org.painlab.core.importer.ImportException {
        String f = options.get("format");
        String l = options.get("layout");
        String m = options.get("mapping");
        String d = options.get("dictionary");
        return new ImportOptions(f == null || f.isBlank() ? defaultFormat : ExchangeFormat.of(f.toLowerCase(Locale.ROOT)),
                l == null || l.isBlank() ? Layout.WIDE : Layout.of(l),
                m == null || m.isBlank() ? ColumnMapping.none() : ColumnMapping.load(Path.of(m)),
                d == null || d.isBlank() ? null : Path.of(d), options.get("actor"),
                "true".equalsIgnoreCase(String.valueOf(options.get("accept-refusals")).strip()));
    }

    /**
     * A copy with another mapping.
     *
     * @param m the mapping
     * @return the copy
     */
    public ImportOptions withMapping(ColumnMapping m) {
        return new ImportOptions(format, layout, m, dictionary, actor, acceptRefusals);
    }

    /**
     * A copy with another layout.
     *
     * @param l the layout
     * @return the copy
     */
    public ImportOptions withLayout(Layout l) {
        return new ImportOptions(format, l, mapping, dictionary, actor, acceptRefusals);
    }

    /**
     * A copy with another format.
     *
     * @param f the format
     * @return the copy
     */
    public ImportOptions withFormat(ExchangeFormat f) {
        return new ImportOptions(f, layout, mapping, dictionary, actor, acceptRefusals);
    }

    /**
     * A copy with a REDCap data dictionary.
     *
     * @param dict the dictionary file
     * @return the copy
     */
    public ImportOptions withDictionary(Path dict) {
        return new ImportOptions(format, layout, mapping, dict, actor, acceptRefusals);
    }

    /**
     * A copy with another actor.
     *
     * @param who the actor
     * @return the copy
     */
    public ImportOptions withActor(String who) {
        return new ImportOptions(format, layout, mapping, dictionary, who, acceptRefusals);
    }

    /**
     * A copy that accepts (or not) refused values.
     *
     * @param accept true to import the rest of a file with refused values
     * @return the copy
     */
    public ImportOptions withAcceptRefusals(boolean accept) {
        return new ImportOptions(format, layout, mapping, dictionary, actor, accept);
    }
}
