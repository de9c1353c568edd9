package org.painlab.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.painlab.trial.exchange.ExchangeFormat;
import org.painlab.trial.exchange.ImportOptions;
import org.painlab.trial.exchange.Layout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The XLSX importer. An input starting with "PK" is a whole workbook (the zip container is fuzzed);
 * any other input is the XML of the worksheet, then optionally a line {@value #STRINGS} and the
 * shared strings, then a line {@value #STYLES} and the styles, packed into a valid workbook (the
 * sheet parser is fuzzed without the fuzzer having to learn deflate). Seeded from
 * XlsxImportFuzzTestInputs.
 */
class XlsxImportFuzzTest {
    static final String STRINGS = "<!--sharedStrings-->";
    static final String STYLES = "<!--styles-->";
    private ImportHarness harness;

    @BeforeEach
    void open() throws Exception {
        harness = new ImportHarness();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @FuzzTest(maxDuration = "20s")
    void fuzz(byte[] data) throws Exception {
        byte[] workbook = data.length >= 2 && data[0] == 'P' && data[1] == 'K' ? data : pack(data);
        Path file = harness.file("trial.xlsx", workbook);
        harness.importAndCheck(file, new ImportOptions(ExchangeFormat.XLSX, Layout.WIDE, null, null, "fuzz"));
    }

    static byte[] pack(byte[] data) throws IOException {
        String text = new String(data, StandardCharsets.UTF_8);
        String sheet = text;
        String strings = null;
        String styles = null;
        int st = sheet.indexOf(STYLES);
        if (st >= 0) {
            styles = sheet.substring(st + STYLES.length());
            sheet = sheet.substring(0, st);
        }
        int ss = sheet.indexOf(STRINGS);
        if (ss >= 0) {
            strings = sheet.substring(ss + STRINGS.length());
            sheet = sheet.substring(0, ss);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + "<sheet name=\"data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            put(zip, "xl/worksheets/sheet1.xml", sheet);
            if (strings != null) {
                put(zip, "xl/sharedStrings.xml", strings);
            }
            if (styles != null) {
                put(zip, "xl/styles.xml", styles);
            }
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

}
