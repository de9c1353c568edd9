package org.painlab.stats.internal.report;

import org.painlab.core.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.painlab.core.data.SubjectData;
import org.painlab.core.data.DataVariable;

/**
 * Exports the data as one wide CSV for the R script: columns "id", "arm", one "pop:NAME" column
 * (1/0) per analysis population, then one column per variable ("name") or variable and time
 * point ("name@visit"). Numbers are written with the shortest decimal that reads back as the same
 * double, level codes as their labels, missing values as empty fields. UTF-8 without a
 * byte-order mark.
 */
public final class DataCsv {

    private DataCsv() {
    }

    /**
     * @param variable variable name
     * @param timePoint time point or null
     * @return the column name
     */
    public static String column(String variable, String timePoint) {
        return timePoint == null ? variable : variable + "@" + timePoint;
    }

    /**
     * @param population population name
     * @return its column name
     */
    public static String populationColumn(String population) {
        return "pop:" + population;
    }

    /**
     * @param data the data
     * @param out the file
     * @throws IOException if it cannot be written
     */
    public static void write(SubjectData data, Path out) throws IOException {
        AtomicFiles.write(out, o -> {
            Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
            List<String> header = new ArrayList<>(List.of("id", "arm"));
            List<BitSet> pops = new ArrayList<>();
            for (String p : data.populations()) {
                header.add(populationColumn(p));
                pops.add(data.population(p));
            }
            List<Object> columns = new ArrayList<>();
            List<List<String>> levels = new ArrayList<>();
            for (DataVariable v : data.variables()) {
                List<String> tps = v.timed() ? v.timePoints() : java.util.Collections.singletonList(null);
                for (String tp : tps) {
                    header.add(column(v.name(), tp));
                    columns.add(v.kind().isCoded() ? data.codes(v.name(), tp) : data.numeric(v.name(), tp));
                    levels.add(v.levels());
                }
            }
            line(w, header);
            List<String> row = new ArrayList<>(header.size());
            for (int i = 0; i < data.size(); i++) {
                row.clear();
                row.add(data.subjectId(i));
                row.add(data.arms().get(data.armOf(i)));
                for (BitSet p : pops) {
                    row.add(p.get(i) ? "1" : "0");
                }
                for (int c = 0; c < columns.size(); c++) {
                    Object col = columns.get(c);
                    if (col instanceof double[] x) {
                        row.add(Double.isNaN(x[i]) ? "" : Double.toString(x[i]));
                    } else {
                        int code = ((int[]) col)[i];
                        row.add(code < 0 ? "" : levels.get(c).get(code));
                    }
                }
                line(w, row);
            }
            w.flush();
        });
    }

    private static void line(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String s = fields.get(i);
            boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
            w.write(quote ? '"' + s.replace("\"", "\"\"") + '"' : s);
        }
        w.write('\n');
    }
}
