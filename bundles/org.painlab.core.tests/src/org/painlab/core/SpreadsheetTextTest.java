package org.painlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.internal.CoreSchema;
import org.painlab.core.io.SpreadsheetText;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;

/** OWASP's rule against CSV injection (CWE-1236) and the audit trail's CSV export that uses it. */
class SpreadsheetTextTest {
    @TempDir
    Path tmp;

    @Test
    void textThatASpreadsheetWouldRunGetsAQuoteNumbersDoNot() {
        for (String danger : List.of("=1+1", "=cmd|' /C calc'!A0", "+SUM(A1)", "-2+3", "- none -", "@SUM(1)", "\tx", "\rx", "-",
                "+", "=")) {
            assertTrue(SpreadsheetText.isDangerous(danger), danger);
            assertEquals("'" + danger, SpreadsheetText.neutralize(danger));
            assertEquals(danger, SpreadsheetText.restore(SpreadsheetText.neutralize(danger)), "restore undoes it: " + danger);
        }
        for (String safe : List.of("-1.5", "+3", "-0.25e-3", "12", ".5", "-.5", "abc", "site-a", "a=b", "", "'quoted", "'abc")) {
            assertFalse(SpreadsheetText.isDangerous(safe), safe);
            assertEquals(safe, SpreadsheetText.neutralize(safe));
            assertEquals(safe, SpreadsheetText.restore(safe), "other text is read as it is: " + safe);
        }
        assertEquals(null, SpreadsheetText.neutralize(null));
    }

    @Test
    void looksLikeFormulaSparesNegativeNumbersAndDashes() {
        for (String f : List.of("=HYPERLINK(\"http://x\")", "@SUM(1)", "+SUM(A1:A2)", "-cmd|' /C calc'!A0", "-A1=1")) {
            assertTrue(SpreadsheetText.looksLikeFormula(f), f);
        }
        for (String n : List.of("-1.5", "+2", "-", "- none -", "--", "site", "", "=", "a=b(1)")) {
            assertFalse(SpreadsheetText.looksLikeFormula(n), n);
        }
    }

    @Test
    void theAuditTrailCsvNeutralisesEnteredText() throws Exception {
        try (Study s = Study.create(tmp.resolve("a"), "A", List.of(new CoreSchema()))) {
            s.transaction(c -> {
                new AuditLog(c).append(AuditEntry.of("ann", "update", "subject", "S001", "stratum", "-3", "=HYPERLINK(\"x\")",
                        "@import"));
                return null;
            });
            Path out = tmp.resolve("audit.csv");
            s.read(c -> {
                try {
                    new AuditLog(c).exportCsv(out);
                } catch (IOException e) {
                    throw new SQLException(e);
                }
                return null;
            });
            List<String> lines = Files.readAllLines(out);
            assertTrue(lines.get(1).endsWith(",stratum,-3,\"'=HYPERLINK(\"\"x\"\")\",'@import"), lines.get(1));
        }
    }
}
