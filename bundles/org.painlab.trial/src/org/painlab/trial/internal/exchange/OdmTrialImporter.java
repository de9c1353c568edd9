package org.painlab.trial.internal.exchange;

import org.painlab.trial.exchange.ExchangeFormat;

/** Imports trial data from CDISC ODM 1.3 XML (see {@link TrialImporter} for the options). */
public final class OdmTrialImporter extends TrialImporter {
    /** Creates the importer (for the extension registry). */
    public OdmTrialImporter() {
        super(ExchangeFormat.ODM);
    }
}
