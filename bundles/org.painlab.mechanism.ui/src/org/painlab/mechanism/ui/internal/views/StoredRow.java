package org.painlab.mechanism.ui.internal.views;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.painlab.core.result.StoredResult;

/** A stored result as a row of the result lists: id, what was run, on which model, when and by whom. */
public record StoredRow(StoredResult result, String method, String model, String output) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    static StoredRow of(StoredResult r, String methodKey, String outputKey) {
        Object m = r.body().get(methodKey);
        Object model = r.body().get("model");
        Object out = r.body().get(outputKey);
        return new StoredRow(r, m == null ? "" : m.toString(), model == null ? "" : model.toString(), out == null ? "" : out.toString());
    }

    long id() {
        return result.id();
    }

    String created() {
        return result.created() == null ? "" : WHEN.format(result.created());
    }
}
