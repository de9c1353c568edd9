package org.painlab.trial.internal.exchange;

import org.painlab.trial.exchange.ExchangeFormat;

/** Imports trial data from XLSX workbooks (first sheet; wide or long layout) (see {@link TrialImporter} for the options). */
public final class XlsxTrialImporter extends TrialImporter {
    /** Creates the importer (for the extension registry). */
    public XlsxTrialImporter() {
        super(ExchangeFormat.XLSX);
    }
}
