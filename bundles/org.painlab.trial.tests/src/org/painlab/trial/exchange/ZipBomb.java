package org.painlab.trial.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a small .xlsx whose worksheet inflates to gigabytes, in about a second: one megabyte of rows
 * is deflated once and its compressed blocks are repeated (a deflate stream may be a sequence of
 * independently compressed, byte-aligned blocks). Nothing is committed: tests generate it.
 */
final class ZipBomb {
    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private ZipBomb() {
    }

    /**
     * Writes the workbook.
     *
     * @param out the .xlsx file
     * @param megabytes how many MiB of rows the worksheet holds (its inflated size is a little more)
     * @param declareTrueSize false: the zip headers claim the worksheet is 4 KB (a lie the reader must not trust)
     * @return the worksheet's inflated size in bytes
     * @throws IOException when the file cannot be written
     */
    static long write(Path out, int megabytes, boolean declareTrueSize) throws IOException {
        byte[] head = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + NS + "\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>subject_id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>age</t></is></c></row>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] unit = "<row><c t=\"inlineStr\"><is><t>BOMB-1</t></is></c><c><v>42</v></c></row>".getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[(1 << 20) / unit.length * unit.length];
        for (int i = 0; i < chunk.length; i += unit.length) {
            System.arraycopy(unit, 0, chunk, i, unit.length);
        }
        byte[] tail = "</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8);
        byte[] headZ = deflate(head, false);
        byte[] chunkZ = deflate(chunk, false);
        byte[] tailZ = deflate(tail, true);
        CRC32 crc = new CRC32();
        crc.update(head);
        for (int i = 0; i < megabytes; i++) {
            crc.update(chunk);
        }
        crc.update(tail);
        long size = head.length + (long) chunk.length * megabytes + tail.length;
        long csize = headZ.length + (long) chunkZ.length * megabytes + tailZ.length;

        List<Entry> entries = new ArrayList<>();
        try (OutputStream o = Files.newOutputStream(out)) {
            Counting c = new Counting(o);
            small(c, entries, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            small(c, entries, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"" + NS + "\" xmlns:r=\"" + REL
                    + "\"><sheets><sheet name=\"data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            small(c, entries, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            Entry sheet = new Entry("xl/worksheets/sheet1.xml", crc.getValue(), csize, declareTrueSize ? size : 4096, c.count);
            entries.add(sheet);
            header(c, sheet);
            c.write(headZ);
            for (int i = 0; i < megabytes; i++) {
                c.write(chunkZ);
            }
            c.write(tailZ);
            long cd = c.count;
            for (Entry e : entries) {
                central(c, e);
            }
            long cdSize = c.count - cd;
            le(c, 0x06054b50, 4);
            le(c, 0, 2);
            le(c, 0, 2);
            le(c, entries.size(), 2);
            le(c, entries.size(), 2);
            le(c, cdSize, 4);
            le(c, cd, 4);
            le(c, 0, 2);
            c.flush();
        }
        return size;
    }

    private record Entry(String name, long crc, long csize, long size, long offset) {
    }

    private static void small(Counting c, List<Entry> entries, String name, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        byte[] z = deflate(data, true);
        CRC32 crc = new CRC32();
        crc.update(data);
        Entry e = new Entry(name, crc.getValue(), z.length, data.length, c.count);
        entries.add(e);
        header(c, e);
        c.write(z);
    }

    private static void header(Counting c, Entry e) throws IOException {
        byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
        le(c, 0x04034b50, 4);
        le(c, 20, 2);
        le(c, 0, 2);
        le(c, 8, 2);
        le(c, 0, 2);
        le(c, 0x21, 2);
        le(c, e.crc(), 4);
        le(c, e.csize(), 4);
        le(c, e.size(), 4);
        le(c, name.length, 2);
        le(c, 0, 2);
        c.write(name);
    }

    private static void central(Counting c, Entry e) throws IOException {
        byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
        le(c, 0x02014b50, 4);
        le(c, 20, 2);
        le(c, 20, 2);
        le(c, 0, 2);
        le(c, 8, 2);
        le(c, 0, 2);
        le(c, 0x21, 2);
        le(c, e.crc(), 4);
        le(c, e.csize(), 4);
        le(c, e.size(), 4);
        le(c, name.length, 2);
        le(c, 0, 2);
        le(c, 0, 2);
        le(c, 0, 2);
        le(c, 0, 2);
        le(c, 0, 4);
        le(c, e.offset(), 4);
        c.write(name);
    }

    /** Raw deflate of {@code data}: byte-aligned non-final blocks (sync flush), or the final block. */
    private static byte[] deflate(byte[] data, boolean last) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(data);
        if (last) {
            d.finish();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (true) {
            int n = last ? d.deflate(buf) : d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            out.write(buf, 0, n);
            if (last ? d.finished() : n < buf.length && d.needsInput()) {
                break;
            }
        }
        d.end();
        return out.toByteArray();
    }

    private static void le(Counting c, long v, int bytes) throws IOException {
        for (int i = 0; i < bytes; i++) {
            c.write((int) (v >>> (8 * i)) & 0xff);
        }
    }

    private static final class Counting extends OutputStream {
        private final OutputStream out;
        long count;

        Counting(OutputStream out) {
            this.out = new java.io.BufferedOutputStream(out, 1 << 16);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
