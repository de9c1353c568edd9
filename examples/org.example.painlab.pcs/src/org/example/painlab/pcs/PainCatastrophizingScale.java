package org.example.painlab.pcs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.trial.instrument.AnswerValidator;
import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.instrument.Item;
import org.painlab.trial.instrument.NotScorableException;
import org.painlab.trial.instrument.Score;

/**
 * The Pain Catastrophizing Scale (Sullivan, Bishop &amp; Pivik, Psychol Assess 1995;7:524-32): 13
 * statements about thoughts and feelings during pain, each answered 0 (not at all) to 4 (all the
 * time). Total 0-52, higher is more catastrophizing; sub-scales rumination (items 8-11, 0-16),
 * magnification (6, 7, 13, 0-12) and helplessness (1-5, 12, 0-24).
 *
 * <p>Missing items: this plug-in scores an answer set with at most one missing item, which is
 * replaced by the mean of the answered items of its own sub-scale (so the total stays on the 0-52
 * scale); with two or more missing it refuses to score. Band: {@code "clinically relevant"} from 30
 * on (the threshold used in the PCS manual), otherwise {@code "below 30"}.
 */
public final class PainCatastrophizingScale implements Instrument {
    /** The id stored with every answer; never changes. */
    public static final String ID = "pcs";
    /** Largest number of missing items that is still scored (by prorating). */
    public static final int MAX_MISSING = 1;
    /** Totals from this value on are flagged as clinically relevant. */
    public static final double CLINICAL_THRESHOLD = 30;

    private static final String[] LABELS = {
        "I worry all the time about whether the pain will end",
        "I feel I can't go on",
        "It's terrible and I think it's never going to get any better",
        "It's awful and I feel that it overwhelms me",
        "I feel I can't stand it anymore",
        "I become afraid that the pain will get worse",
        "I keep thinking of other painful events",
        "I anxiously want the pain to go away",
        "I can't seem to keep it out of my mind",
        "I keep thinking about how much it hurts",
        "I keep thinking about how badly I want the pain to stop",
        "There's nothing I can do to reduce the intensity of the pain",
        "I wonder whether something serious may happen",
    };

    /** Sub-scale name to its item numbers (1-based, as printed on the form). */
    public static final Map<String, List<Integer>> SUBSCALES = subscales();

    private static final List<Item> ITEMS = buildItems();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Pain Catastrophizing Scale";
    }

    @Override
    public List<Item> items() {
        return ITEMS;
    }

    @Override
    public Score score(Map<String, Double> answers) {
        Map<String, Double> valid = AnswerValidator.validate(this, answers);
        List<String> missing = AnswerValidator.missingItems(this, valid);
        if (missing.size() > MAX_MISSING) {
            throw new NotScorableException(ID, missing, missing.size() + " of 13 items missing; at most "
                    + MAX_MISSING + " may be missing (it is prorated within its sub-scale)");
        }
        Map<String, Double> subscores = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, List<Integer>> sub : SUBSCALES.entrySet()) {
            double sum = 0;
            int answered = 0;
            for (int number : sub.getValue()) {
                Double v = valid.get(itemId(number));
                if (v != null) {
                    sum += v;
                    answered++;
                }
            }
            // one missing item takes the mean of its sub-scale's answered items
            double value = answered == sub.getValue().size() ? sum : sum / answered * sub.getValue().size();
            subscores.put(sub.getKey(), value);
            total += value;
        }
        subscores.put("items_answered", (double) valid.size());
        return new Score(ID, total, subscores, missing, total >= CLINICAL_THRESHOLD ? "clinically relevant" : "below 30");
    }

    /** The item id of item {@code number} (1-13): {@code pcs1} ... {@code pcs13}. */
    public static String itemId(int number) {
        return "pcs" + number;
    }

    private static List<Item> buildItems() {
        List<Item> list = new ArrayList<>();
        for (int i = 0; i < LABELS.length; i++) {
            list.add(Item.coded(itemId(i + 1), (i + 1) + ". " + LABELS[i], 0, false,
                    "not at all", "to a slight degree", "to a moderate degree", "to a great degree", "all the time"));
        }
        return List.copyOf(list);
    }

    private static Map<String, List<Integer>> subscales() {
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        m.put("rumination", List.of(8, 9, 10, 11));
        m.put("magnification", List.of(6, 7, 13));
        m.put("helplessness", List.of(1, 2, 3, 4, 5, 12));
        return Collections.unmodifiableMap(m);
    }
}
