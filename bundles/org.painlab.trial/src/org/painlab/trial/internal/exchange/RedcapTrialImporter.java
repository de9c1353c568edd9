package org.painlab.trial.internal.exchange;

import org.painlab.trial.exchange.ExchangeFormat;

/** Imports trial data from REDCap data CSV with its data dictionary (see {@link TrialImporter} for the options). */
public final class RedcapTrialImporter extends TrialImporter {
    /** Creates the importer (for the extension registry). */
    public RedcapTrialImporter() {
        super(ExchangeFormat.REDCAP);
    }
}
