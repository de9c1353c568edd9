import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;

/**
 * Benchmark (not a test) of H2 bulk loads of the trial store's shape: one row per value
 * ({@code trial_variable}: subject, name, number, text), written as the importer does (chunks of
 * 20,000 rows through one {@code INSERT ... SELECT * FROM UNNEST(?, ...)}).
 * <pre>
 *   java -cp h2.jar RowPerValue.java MODE SUBJECTS VALUES_PER_SUBJECT
 * </pre>
 * MODE words: {@code tx} one transaction (else a commit per chunk, as a staged copy could be
 * written), {@code fk} a foreign key to the subjects, {@code nopk} no primary key while loading,
 * {@code late} the primary key added after the load ({@code ALTER TABLE ... ADD PRIMARY KEY}).
 */
public class RowPerValue {
    public static void main(String[] a) throws Exception {
        String mode = a[0];
        int subjects = Integer.parseInt(a[1]);
        int perSubject = Integer.parseInt(a[2]);
        Path dir = Files.createTempDirectory("h2-bulk");
        String base = dir.resolve("study").toString();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + base + ";WRITE_DELAY=0");
        ds.setUser("painlab");
        ds.setPassword("");
        long t0 = System.nanoTime();
        long t1;
        long t2;
        long t3;
        long rows = 0;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE trial_subject(id VARCHAR(50) PRIMARY KEY)");
            boolean pk = !mode.contains("nopk");
            boolean tx = mode.contains("tx");
            st.execute("CREATE TABLE trial_variable(subject_id VARCHAR(50) NOT NULL " + (mode.contains("fk") ? "REFERENCES trial_subject(id)" : "")
                    + ", name VARCHAR(100) NOT NULL, num_value DOUBLE PRECISION, text_value VARCHAR(1000)"
                    + (pk ? ", PRIMARY KEY(subject_id, name)" : "") + ")");
            c.setAutoCommit(!tx);
            int chunk = 20000;
            String[] s = new String[chunk];
            String[] n = new String[chunk];
            Double[] v = new Double[chunk];
            String[] t = new String[chunk];
            int k = 0;
            List<String> ids = new ArrayList<>();
            PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO trial_variable(subject_id, name, num_value, text_value) SELECT * FROM UNNEST(?, ?, ?, ?)");
            PreparedStatement insS = c.prepareStatement("INSERT INTO trial_subject(id) SELECT * FROM UNNEST(?)");
            for (int i = 0; i < subjects; i++) {
                String id = String.format("B%06d", i);
                ids.add(id);
                for (int j = 0; j < perSubject; j++) {
                    s[k] = id;
                    n[k] = "v" + j;
                    v[k] = (double) ((i * 31 + j * 7) % 1000) / 10.0;
                    k++;
                    if (k == chunk) {
                        insS.setArray(1, c.createArrayOf("VARCHAR", ids.toArray()));
                        insS.executeUpdate();
                        ids.clear();
                        ins.setArray(1, c.createArrayOf("VARCHAR", s));
                        ins.setArray(2, c.createArrayOf("VARCHAR", n));
                        ins.setArray(3, c.createArrayOf("DOUBLE PRECISION", v));
                        ins.setArray(4, c.createArrayOf("VARCHAR", t));
                        ins.executeUpdate();
                        rows += k;
                        k = 0;
                    }
                }
            }
            t1 = System.nanoTime();
            if (tx) {
                c.commit();
            }
            t2 = System.nanoTime();
            if (mode.contains("late")) {
                st.execute("ALTER TABLE trial_variable ADD PRIMARY KEY(subject_id, name)");
            }
            t3 = System.nanoTime();
        }
        long t4 = System.nanoTime();
        System.out.printf("BENCH row-per-value %s: %d rows, insert %.1f s, commit %.1f s, key after %.1f s, close %.1f s, in all %.1f s, file %d MB%n",
                mode, rows, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t4 - t0) / 1e9,
                Files.size(Path.of(base + ".mv.db")) >> 20);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
