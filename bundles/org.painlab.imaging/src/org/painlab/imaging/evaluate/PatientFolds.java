package org.painlab.imaging.evaluate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.painlab.imaging.classify.Case;

/**
 * Assigns patients (never single volumes) to K cross-validation folds, so that no patient is in the
 * training and the test part of one fold: volumes of one patient are alike, and splitting them would
 * let a model recognise the patient instead of the grade. Stratified by the patient's majority label
 * (patients are shuffled within each stratum with the seed, then dealt round the folds), so each fold
 * holds positives and negatives when there are enough patients.
 *
 * @since 0.1
 */
public final class PatientFolds {
    private final Map<String, Integer> foldOf;
    private final int folds;

    private PatientFolds(Map<String, Integer> foldOf, int folds) {
        this.foldOf = foldOf;
        this.folds = folds;
    }

    /**
     * @param cases the cases (labels 0/1; unlabelled ones go into folds too but are never learnt from)
     * @param folds K, from 2 to the number of patients
     * @param seed shuffles the patients; the same seed and cases give the same folds
     * @return the assignment
     * @throws IllegalArgumentException when K is out of range
     */
    public static PatientFolds of(List<Case> cases, int folds, long seed) {
        Map<String, int[]> votes = new TreeMap<>();
        for (Case c : cases) {
            int[] v = votes.computeIfAbsent(c.patientId(), k -> new int[2]);
            if (c.label() >= 0) {
                v[c.label()]++;
            }
        }
        if (folds < 2 || folds > votes.size()) {
            throw new IllegalArgumentException("folds must be from 2 to the number of patients (" + votes.size()
                    + "), was " + folds);
        }
        List<String> positive = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        votes.forEach((patient, v) -> (v[1] > v[0] ? positive : negative).add(patient));
        Random rnd = new Random(seed);
        Collections.shuffle(negative, rnd);
        Collections.shuffle(positive, rnd);
        Map<String, Integer> foldOf = new LinkedHashMap<>();
        int next = 0;
        for (List<String> stratum : List.of(negative, positive)) {
            for (String p : stratum) {
                foldOf.put(p, next);
                next = (next + 1) % folds;
            }
        }
        return new PatientFolds(foldOf, folds);
    }

    /** @return K */
    public int folds() {
        return folds;
    }

    /** @return the fold (0 .. K-1) whose test part holds the patient */
    public int foldOf(String patientId) {
        Integer f = foldOf.get(patientId);
        if (f == null) {
            throw new IllegalArgumentException("patient " + patientId + " is not in the folds");
        }
        return f;
    }

    /** @return the cases of fold {@code fold}'s test part ({@code test}) or training part */
    public List<Case> part(List<Case> cases, int fold, boolean test) {
        List<Case> out = new ArrayList<>();
        for (Case c : cases) {
            if ((foldOf(c.patientId()) == fold) == test) {
                out.add(c);
            }
        }
        return out;
    }
}
