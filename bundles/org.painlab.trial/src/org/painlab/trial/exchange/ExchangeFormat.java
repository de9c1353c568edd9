package org.painlab.trial.exchange;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The file formats trial data are imported from and exported to.
 *
 * @since 0.1
 */
public enum ExchangeFormat {
    /** Comma-separated values (UTF-8; ';' or tab separated files are detected on import), wide or long layout. */
    CSV("csv"),
    /** Office Open XML workbook (first sheet), wide or long layout. */
    XLSX("xlsx"),
    /** REDCap: a data CSV (one row per record and event) plus the project's data dictionary CSV. */
    REDCAP("redcap"),
    /** CDISC ODM 1.3 XML with MetaDataVersion and ClinicalData. */
    ODM("odm");

    private final String code;

    ExchangeFormat(String code) {
        this.code = code;
    }

    /**
     * The option value.
     *
     * @return e.g. "csv"
     */
    public String code() {
        return code;
    }

    /**
     * The format of an option value.
     *
     * @param code csv, xlsx, redcap or odm (case-insensitive)
     * @return the format
     * @throws IllegalArgumentException naming the valid values
     */
    public static ExchangeFormat of(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (ExchangeFormat f : values()) {
            if (f.code.equals(c)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + code + "': valid csv, xlsx, redcap, odm");
    }

    /**
     * The format a file name implies: {@code .csv} CSV, {@code .xlsx} XLSX, {@code .xml} or {@code .odm}
     * ODM. (A REDCap export is a CSV file: choose {@link #REDCAP} explicitly.)
     *
     * @param file the file
     * @return the format, or empty when the extension says nothing
     */
    public static Optional<ExchangeFormat> fromFileName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt")) {
            return Optional.of(CSV);
        }
        if (n.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        if (n.endsWith(".xml") || n.endsWith(".odm")) {
            return Optional.of(ODM);
        }
        return Optional.empty();
    }

    /**
     * The format of a file to import: as {@link #fromFileName}, except that a CSV file with a REDCap
     * data dictionary beside it ({@code NAME_DataDictionary.csv} for {@code NAME.csv}, or REDCap's
     * download names {@code <Project>_DataDictionary_<date>.csv} for {@code <Project>_DATA_<date>.csv})
     * is a REDCap export.
     *
     * @param file the file to import
     * @return the format, or empty when the extension is unknown
     * @since 0.1
     */
    public static Optional<ExchangeFormat> forImport(Path file) {
        Optional<ExchangeFormat> f = fromFileName(file);
        if (f.isPresent() && f.get() == CSV && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                && java.nio.file.Files.isRegularFile(org.painlab.trial.internal.exchange.RedcapSource.defaultDictionary(file))) {
            return Optional.of(REDCAP);
        }
        return f;
    }
}
