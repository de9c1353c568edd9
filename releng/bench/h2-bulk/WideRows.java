import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;

/**
 * Benchmark (not a test) of the wider-row alternative: one row per subject and value set, the values
 * in a {@code DOUBLE PRECISION ARRAY}, primary and foreign key as today, one transaction.
 * <pre>
 *   java -cp h2.jar WideRows.java SUBJECTS VALUES_PER_SUBJECT
 * </pre>
 */
public class WideRows {
    public static void main(String[] a) throws Exception {
        int subjects = Integer.parseInt(a[0]);
        int perSubject = Integer.parseInt(a[1]);
        Path dir = Files.createTempDirectory("h2-wide");
        String base = dir.resolve("study").toString();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + base + ";WRITE_DELAY=0");
        ds.setUser("painlab");
        ds.setPassword("");
        long t0 = System.nanoTime();
        long t1;
        long t2;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE trial_subject(id VARCHAR(50) PRIMARY KEY)");
            st.execute("CREATE TABLE trial_value_set(subject_id VARCHAR(50) NOT NULL REFERENCES trial_subject(id), "
                    + "set_id VARCHAR(100) NOT NULL, num_values DOUBLE PRECISION ARRAY, PRIMARY KEY(subject_id, set_id))");
            c.setAutoCommit(false);
            int chunk = 2000;
            PreparedStatement insS = c.prepareStatement("INSERT INTO trial_subject(id) VALUES (?)");
            PreparedStatement ins = c.prepareStatement("INSERT INTO trial_value_set VALUES (?, ?, ?)");
            for (int i = 0; i < subjects; i++) {
                String id = String.format("B%06d", i);
                insS.setString(1, id);
                insS.addBatch();
                Double[] v = new Double[perSubject];
                for (int j = 0; j < perSubject; j++) {
                    v[j] = (double) ((i * 31 + j * 7) % 1000) / 10.0;
                }
                ins.setString(1, id);
                ins.setString(2, "baseline");
                ins.setArray(3, c.createArrayOf("DOUBLE PRECISION", v));
                ins.addBatch();
                if (i % chunk == chunk - 1) {
                    insS.executeBatch();
                    ins.executeBatch();
                }
            }
            insS.executeBatch();
            ins.executeBatch();
            t1 = System.nanoTime();
            c.commit();
            t2 = System.nanoTime();
        }
        long t3 = System.nanoTime();
        System.out.printf("BENCH wide rows: %d subjects x %d values, insert %.1f s, commit %.1f s, close %.1f s, in all %.1f s, file %d MB%n",
                subjects, perSubject, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t3 - t0) / 1e9,
                Files.size(Path.of(base + ".mv.db")) >> 20);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
