package org.painlab.trial.internal.exchange;

import org.painlab.trial.exchange.ExchangeFormat;

/** Imports trial data from CSV tables (wide or long layout) (see {@link TrialImporter} for the options). */
public final class CsvTrialImporter extends TrialImporter {
    /** Creates the importer (for the extension registry). */
    public CsvTrialImporter() {
        super(ExchangeFormat.CSV);
    }
}
