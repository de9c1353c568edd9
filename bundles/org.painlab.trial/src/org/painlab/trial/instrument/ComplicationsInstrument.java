package org.painlab.trial.instrument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outcomes and adverse events checked at follow-up after lumbar disc surgery, each 0 (no) or 1 (yes).
 *
 * <p>Items, in order: {@code residual_low_back_pain}, {@code recurrent_pain}, {@code ldh_relapse}
 * (recurrent herniation on MRI) and the serious complications {@code epidural_haematoma},
 * {@code dural_tear}, {@code discitis}, {@code root_injury}.
 *
 * <p>Score = number of serious complications (0–4). The four serious-complication items are required
 * (the count is undefined otherwise); the other three may be missing. Sub-scores: each answered item
 * (0/1) under its id, in item order. No band.
 *
 * @since 0.1
 */
public final class ComplicationsInstrument implements Instrument {

    /** The instrument id. */
    public static final String ID = "complications";
    /** Ids of the serious complications counted by the score. */
    public static final List<String> SERIOUS = List.of("epidural_haematoma", "dural_tear", "discitis",
            "root_injury");

    private static final List<Item> ITEMS;

    static {
        List<Item> items = new ArrayList<>();
        items.add(yesNo("residual_low_back_pain", "Residual low back pain", false));
        items.add(yesNo("recurrent_pain", "Recurrent pain", false));
        items.add(yesNo("ldh_relapse", "LDH relapse (recurrent herniation on MRI)", false));
        items.add(yesNo("epidural_haematoma", "Serious complication: epidural haematoma", true));
        items.add(yesNo("dural_tear", "Serious complication: dural tear", true));
        items.add(yesNo("discitis", "Serious complication: discitis", true));
        items.add(yesNo("root_injury", "Serious complication: nerve root injury", true));
        ITEMS = List.copyOf(items);
    }

    private static Item yesNo(String id, String label, boolean required) {
        return Item.coded(id, label, 0, required, "no", "yes");
    }

    /** Creates the instrument (for the extension registry). */
    public ComplicationsInstrument() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Complications and adverse events";
    }

    @Override
    public List<Item> items() {
        return ITEMS;
    }

    @Override
    public Score score(Map<String, Double> answers) {
        Map<String, Double> a = AnswerValidator.validate(this, answers);
        AnswerValidator.requireRequiredItems(this, a);
        double count = 0;
        for (String id : SERIOUS) {
            count += a.get(id);
        }
        return new Score(ID, count, new LinkedHashMap<>(a), AnswerValidator.missingItems(this, a), null);
    }
}
