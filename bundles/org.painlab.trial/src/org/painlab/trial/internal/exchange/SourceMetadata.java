package org.painlab.trial.internal.exchange;

import java.util.LinkedHashMap;
import java.util.Map;

import org.painlab.trial.store.VariableDefinition;

/**
 * Study design a file carries besides its data (REDCap data dictionary, ODM MetaDataVersion): used to
 * define arms, visits and variables in a study that has none yet.
 */
public final class SourceMetadata {
    /** Arm code to name, in order. */
    public final Map<String, String> arms = new LinkedHashMap<>();
    /** Visit id to label, in time order. */
    public final Map<String, String> visits = new LinkedHashMap<>();
    /** Variable name to definition, in order. */
    public final Map<String, VariableDefinition> variables = new LinkedHashMap<>();
}
