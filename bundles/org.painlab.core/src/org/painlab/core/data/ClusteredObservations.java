package org.painlab.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Repeated observations clustered within subjects: several ultrasound volumes of one patient,
 * the instances of a repeating REDCap form. Observations of one subject are not independent, so
 * analyses that need independence (DeLong, cross-validation) group them by {@link #clusterOf}.
 * Held column by column, one {@code double[]} per measured value (NaN = missing).
 *
 * @since 0.1
 */
public final class ClusteredObservations {
    private final String name;
    private final String description;
    private final String[] subjectIds;
    private final String[] observationIds;
    private final Map<String, double[]> values;
    private final Map<String, Integer> clusterIndex = new LinkedHashMap<>();
    private final int[] clusterOf;

    /**
     * @param name what is observed, e.g. "volume" or "form:medications"
     * @param description a sentence for reports
     * @param subjectIds the subject (cluster) of each observation
     * @param observationIds a unique id of each observation (volume id, instance number)
     * @param values named columns, one value per observation
     * @throws IllegalArgumentException when lengths differ or an observation id repeats
     */
    public ClusteredObservations(String name, String description, List<String> subjectIds, List<String> observationIds,
            Map<String, double[]> values) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("observations need a name");
        }
        if (subjectIds.size() != observationIds.size()) {
            throw new IllegalArgumentException("'" + name + "': " + subjectIds.size() + " subject ids for "
                    + observationIds.size() + " observations");
        }
        if (Set.copyOf(observationIds).size() != observationIds.size()) {
            throw new IllegalArgumentException("'" + name + "': observation ids must be unique");
        }
        this.name = name;
        this.description = description == null ? "" : description;
        this.subjectIds = subjectIds.toArray(String[]::new);
        this.observationIds = observationIds.toArray(String[]::new);
        Map<String, double[]> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v.length != this.subjectIds.length) {
                throw new IllegalArgumentException("'" + name + "' column '" + k + "' has " + v.length + " values for "
                        + this.subjectIds.length + " observations");
            }
            copy.put(k, v.clone());
        });
        this.values = Collections.unmodifiableMap(copy);
        this.clusterOf = new int[this.subjectIds.length];
        for (int i = 0; i < clusterOf.length; i++) {
            clusterOf[i] = clusterIndex.computeIfAbsent(this.subjectIds[i], k -> clusterIndex.size());
        }
    }

    /** @return what is observed */
    public String name() {
        return name;
    }

    /** @return a sentence for reports */
    public String description() {
        return description;
    }

    /** @return number of observations */
    public int size() {
        return subjectIds.length;
    }

    /** @return the distinct subjects (clusters), in order of first observation */
    public List<String> clusters() {
        return new ArrayList<>(clusterIndex.keySet());
    }

    /** @param observation observation index @return index of its cluster in {@link #clusters()} */
    public int clusterOf(int observation) {
        return clusterOf[observation];
    }

    /** @param observation observation index @return its subject id */
    public String subjectId(int observation) {
        return subjectIds[observation];
    }

    /** @param observation observation index @return its id */
    public String observationId(int observation) {
        return observationIds[observation];
    }

    /** @return the names of the value columns */
    public Set<String> columns() {
        return values.keySet();
    }

    /**
     * @param column a column name
     * @return one value per observation; a copy
     * @throws IllegalArgumentException naming the columns there are
     */
    public double[] values(String column) {
        double[] v = values.get(column);
        if (v == null) {
            throw new IllegalArgumentException("'" + name + "' has no column '" + column + "'; present: " + values.keySet());
        }
        return v.clone();
    }
}
