package org.painlab.stats.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;

import org.eclipse.core.runtime.FileLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.painlab.cli.Painlab;

/**
 * The bad inputs of {@code corpus/bad-input} (issue 9 items 4 and 5) through {@code painlab stats}:
 * each exits 1 (bad input) or 2 (bad option value) with one line naming the file or option and
 * what is wrong in the user's terms, and prints nothing on stdout.
 */
class BadInputCorpusTest {
    @TempDir
    Path tmp;

    /** A corpus file, copied so that the message's path is one the test knows. */
    private Path corpus(String name) throws Exception {
        Bundle host = FrameworkUtil.getBundle(BadInputCorpusTest.class);
        Enumeration<URL> found = host.findEntries("corpus/bad-input", name, false);
        assertNotNull(found, "corpus/bad-input/" + name + " is not in the test fragment");
        assertTrue(found.hasMoreElements(), "corpus/bad-input/" + name + " is not in the test fragment");
        URL url = FileLocator.toFileURL(found.nextElement());
        Path copy = tmp.resolve(name);
        Files.copy(Path.of(url.toURI()), copy);
        return copy;
    }

    private static Painlab.Result test(String method, Path input, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "stats";
        args[1] = "test";
        args[2] = method;
        args[3] = "--input";
        args[4] = input.toString();
        System.arraycopy(more, 0, args, 5, more.length);
        return Painlab.run(args);
    }

    private static void failsWith(int code, Painlab.Result r, String... expected) {
        assertEquals(code, r.exitCode(), r.err());
        assertEquals("", r.out(), "nothing on stdout when a run fails");
        for (String e : expected) {
            assertTrue(r.err().contains(e), "expected '" + e + "' in: " + r.err());
        }
        for (String leak : new String[] {"Input length", "No bracketing", "is not greater than", "2147483647 >",
                "integer overflow", "Exception", "\tat "}) {
            assertFalse(r.err().contains(leak), "internal message '" + leak + "' leaked: " + r.err());
        }
    }

    @Test
    void latin1InputSaysItIsNotUtf8WithTheByteOffset() throws Exception {
        Path f = corpus("latin1.json");
        failsWith(1, test("shapiro-wilk", f, "--json"), f.toString(), "is not UTF-8 text", "byte 0xE9 at offset 45",
                "line 3");
    }

    @Test
    void utf16InputSaysUtf16() throws Exception {
        Path f = corpus("utf16.json");
        failsWith(1, test("shapiro-wilk", f, "--json"), f.toString(), "is UTF-16 text");
    }

    @Test
    void binaryInputSaysItIsNotText() throws Exception {
        Path f = corpus("binary.json");
        failsWith(1, test("shapiro-wilk", f, "--json"), f.toString(), "is not text");
    }

    @Test
    void jsonSyntaxErrorGivesLineAndColumn() throws Exception {
        Path f = corpus("syntax-error.json");
        failsWith(1, test("t-welch", f, "--json"), f.toString(), "is not valid JSON", "line 3, column");
    }

    @Test
    void aMissingFileSaysNoSuchFile() {
        Path f = tmp.resolve("absent.json");
        failsWith(1, test("t-welch", f, "--json"), f + ": no such file");
    }

    @Test
    void aFolderGivenAsFileSaysSo() throws Exception {
        Path f = Files.createDirectories(tmp.resolve("a-folder.json"));
        failsWith(1, test("t-welch", f, "--json"), f + " is a folder, not a file");
        failsWith(1, Painlab.run("stats", "audit", f.toString(), "--json"), f + " is a folder, not a file");
    }

    @Test
    void shapiroWilkOnHugeValuesGivesW() throws Exception {
        // W is scale-invariant: these values are computed, not printed as null with exit 0
        Path f = corpus("shapiro-huge.json");
        Painlab.Result r = test("shapiro-wilk", f, "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        assertTrue(m.get("statistic") instanceof Number w && w.doubleValue() > 0 && w.doubleValue() <= 1, m.toString());
        assertTrue(m.get("p_value") instanceof Number p && p.doubleValue() >= 0 && p.doubleValue() <= 1, m.toString());
    }

    @Test
    void aStatisticThatIsNotANumberIsAFailureNotNull() throws Exception {
        Path f = corpus("anova-constant.json");
        failsWith(1, test("anova", f, "--json"), f.toString(), "anova gave no result", "not a number");
    }

    @Test
    void anEmptyAuditTableIsAnError() throws Exception {
        Path f = corpus("audit-empty-rows.json");
        failsWith(1, Painlab.run("stats", "audit", f.toString(), "--json"), "no rows to audit in " + f);
    }

    @Test
    void overflowingValuesAreSaidInTheUsersTerms() throws Exception {
        Path f = corpus("welch-huge.json");
        failsWith(1, test("t-welch", f, "--json"), f.toString(), "too large");
    }

    @Test
    void fisherTablesOutOfRangeNameTheField() throws Exception {
        Path empty = corpus("fisher-no-observations.json");
        failsWith(1, test("fisher", empty, "--json"), empty.toString(), "field 'table_rows'", "no observations");
        Path big = corpus("fisher-too-many.json");
        failsWith(1, test("fisher", big, "--json"), big.toString(), "field 'table_rows'", "at most 2147483647");
    }

    @Test
    void invalidOptionValuesAreUsageErrorsWithTheAllowedValues() throws Exception {
        Path good = corpus("good.json");
        failsWith(2, test("sideways-test", good), "METHOD", "unknown test 'sideways-test'", "t-welch");
        failsWith(2, test("t-welch", good, "--alternative", "sideways"), "--alternative", "two-sided, less, greater");
        failsWith(2, test("t-welch", good, "--conf-level", "1.5"), "--conf-level", "between 0 and 1");
        failsWith(2, test("wilcoxon-signed-rank", good, "--zero-method", "none"), "--zero-method", "wilcox, pratt");
        assertEquals(0, test("t-welch", good, "--json").exitCode());
    }

    @Test
    void sampleSizeOutOfReachNamesTheParameters() {
        failsWith(1, Painlab.run("stats", "sample-size", "two-means", "--delta", "1e-9", "--sd", "1", "--json"),
                "--delta 1.0E-9 with --sd 1.0", "more than 2147483647", "choose a larger --delta");
        failsWith(1, Painlab.run("stats", "sample-size", "two-proportions", "--p1", "0.5", "--p2", "0.5000001",
                "--method", "pooled", "--json"), "--p1 0.5 and --p2 0.5000001", "further apart");
    }

    @Test
    void sampleSizeOptionValuesOutOfRangeAreUsageErrors() {
        failsWith(2, Painlab.run("stats", "sample-size", "two-means", "--delta", "1", "--sd", "0"), "--sd", "above 0");
        failsWith(2, Painlab.run("stats", "sample-size", "two-means", "--delta", "1", "--sd", "1", "--alpha", "1.5"),
                "--alpha", "between 0 and 1");
        failsWith(2, Painlab.run("stats", "sample-size", "two-proportions", "--p1", "0.5", "--p2", "1.2"), "--p2",
                "from 0 to 1");
        failsWith(2, Painlab.run("stats", "sample-size", "two-proportions", "--p1", "0.5", "--p2", "0.6", "--method",
                "magic"), "--method", "exact, pooled, unpooled, cc, arcsine");
        failsWith(2, Painlab.run("stats", "sample-size", "two-means", "--delta", "0", "--sd", "1"), "--delta");
        failsWith(2, Painlab.run("stats", "sample-size", "three-arms"), "DESIGN", "two-proportions");
    }
}
