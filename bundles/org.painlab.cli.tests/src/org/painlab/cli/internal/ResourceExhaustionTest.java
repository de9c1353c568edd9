package org.painlab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Running out of memory or stack ends a command with one line on stderr and exit code 3, never with
 * nothing said. The heap is really exhausted here (an allocation larger than the heap), not simulated.
 */
class ResourceExhaustionTest {

    private static String run(String[] args, java.util.function.IntSupplier command, int[] code) {
        StringWriter err = new StringWriter();
        code[0] = ResourceExhaustion.guard(args, command, new PrintWriter(err, true));
        return err.toString();
    }

    @Test
    void aRealOutOfMemoryErrorBecomesOneLineAndExitCode3() {
        int[] code = {0};
        String err = run(new String[] {"trial", "import", "/tmp/study", "bomb.xlsx", "--json"}, () -> {
            // 8 GB at a time: beyond the test heap at once, without minutes of garbage collection first
            List<long[]> hog = new ArrayList<>();
            while (true) {
                hog.add(new long[1 << 30]);
            }
        }, code);
        assertEquals(ResourceExhaustion.EXIT_CODE, code[0]);
        assertEquals(3, code[0]);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("painlab: out of memory while running 'trial import'; the input is too large for the heap (-Xmx"),
                err);
        assertTrue(err.contains("-vmargs -Xmx8g"), err);
    }

    @Test
    void aStackOverflowBecomesOneLineToo() {
        int[] code = {0};
        String err = run(new String[] {"stats", "test", "anova", "--input", "deep.json"}, ResourceExhaustionTest::recurse, code);
        assertEquals(3, code[0]);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("painlab: out of stack while running 'stats test'"), err);
    }

    @Test
    void otherCommandsKeepTheirExitCodeAndPrintNothingMore() {
        int[] code = {0};
        assertEquals("", run(new String[] {"study", "info"}, () -> 1, code));
        assertEquals(1, code[0]);
        assertEquals("painlab", ResourceExhaustion.commandName(new String[] {"--version"}));
        assertEquals("study create", ResourceExhaustion.commandName(new String[] {"study", "create", "/tmp/x"}));
    }

    private static int recurse() {
        return recurse() + 1;
    }
}
