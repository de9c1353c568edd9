package org.painlab.trial.instrument;

import java.util.List;
import java.util.Map;

/**
 * What the VAS and the NRS share: one required 0–10 pain item whose value is the score, banded
 * with the same cut points ({@link VasInstrument#band(double)}). They differ in id, name and step.
 */
abstract class PainRatingScale implements Instrument {
    private final String id;
    private final String name;
    private final List<Item> items;

    PainRatingScale(String id, String name, double step) {
        this.id = id;
        this.name = name;
        this.items = List.of(Item.scale(id, "Pain intensity, 0 = no pain, 10 = worst imaginable pain", 0, 10, step, true));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Item> items() {
        return items;
    }

    @Override
    public Score score(Map<String, Double> answers) {
        Map<String, Double> a = AnswerValidator.validate(this, answers);
        AnswerValidator.requireRequiredItems(this, a);
        double v = a.get(id);
        return new Score(id, v, Map.of(), List.of(), VasInstrument.band(v));
    }
}
