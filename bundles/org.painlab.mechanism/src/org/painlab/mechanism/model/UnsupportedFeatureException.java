package org.painlab.mechanism.model;

/**
 * A model uses a feature the simulator does not implement (e.g. algebraic rules, fast reactions): it is refused
 * by that feature's name instead of being simulated wrongly.
 *
 * @since 0.1
 */
public class UnsupportedFeatureException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String feature;

    /**
     * @param feature the feature's name as SBML calls it
     * @param where what in the model uses it
     */
    public UnsupportedFeatureException(String feature, String where) {
        super("unsupported SBML feature: " + feature + " (" + where + ")");
        this.feature = feature;
    }

    /** The feature's name. */
    public String feature() {
        return feature;
    }
}
