package org.painlab.stats.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;
import org.w3c.dom.Document;

/** {@code painlab stats plot km|roc} as a user runs it. */
class StatsPlotCommandTest {
    @TempDir
    Path tmp;

    /** The input of the reference case kaplan_meier_logrank, as a user's file. */
    private Path kmInput() throws Exception {
        Path in = tmp.resolve("km.json");
        Files.writeString(in, ReferenceCases.get("kaplan_meier_logrank").get("input").toString());
        return in;
    }

    @Test
    void kmWritesAnSvgWithOneLinePerGroup() throws Exception {
        Path out = tmp.resolve("km.svg");
        Painlab.Result r = Painlab.run("stats", "plot", "km", "--input", kmInput().toString(), "--out", out.toString(),
                "--ci", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, ((Number) r.json().get("series")).intValue());
        Document doc = SvgDocs.parse(Files.readString(out));
        assertEquals(2, SvgDocs.elements(doc, "polyline").size());
        assertEquals(2, SvgDocs.elements(doc, "polygon").size(), "--ci shades a band per group");
    }

    @Test
    void rocWritesOneCurvePerMarker() throws Exception {
        Path in = tmp.resolve("roc.json");
        Files.writeString(in, "{\"label\": [0,0,0,0,0,1,1,1,1,1], \"marker1\": [1,2,3,4,6,3,5,7,8,9],"
                + " \"marker2\": [2,1,4,3,5,6,2,8,7,9]}");
        Path out = tmp.resolve("roc.svg");
        Painlab.Result r = Painlab.run("stats", "plot", "roc", "--input", in.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(out.toString()), r.out());
        String svg = Files.readString(out);
        assertEquals(2, SvgDocs.elements(SvgDocs.parse(svg), "polyline").size());
        assertTrue(svg.contains("marker1: AUC") && svg.contains("marker2: AUC"), "AUCs in the legend");
    }

    @Test
    void pngIsRefusedWithAPointerToSvg() throws Exception {
        Path out = tmp.resolve("km.png");
        Painlab.Result r = Painlab.run("stats", "plot", "km", "--input", kmInput().toString(), "--out", out.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(out.toString()) && r.err().contains(".svg") && r.err().contains("Analysis view"),
                r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void badInputNamesTheFileAndField() throws Exception {
        Path in = tmp.resolve("bad.json");
        Files.writeString(in, "{\"time\": [1, 2, 3, 4], \"group\": [\"a\", \"a\", \"b\", \"b\"]}");
        Path out = tmp.resolve("km.svg");
        Painlab.Result r = Painlab.run("stats", "plot", "km", "--input", in.toString(), "--out", out.toString(), "--json");
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains(in.toString()) && r.err().contains("status"), r.err());
        assertFalse(Files.exists(out));
    }
}
