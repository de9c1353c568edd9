package org.painlab.imaging.internal.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.VolumeReader;
import org.painlab.imaging.VoxelType;

/**
 * NRRD (teem's "nearly raw raster data", NRRD0001-5): attached ({@code .nrrd}) or detached
 * ({@code .nhdr} + data file) headers; raw, gzip and ascii encodings; every scalar type; either
 * endianness; geometry from {@code space directions}/{@code space origin} (RAS and LAS spaces
 * converted to LPS) or {@code spacings}. 2D images are read as one slice.
 */
public final class NrrdReader implements VolumeReader {
    @Override
    public Volume read(Path file) throws ImagingException {
        byte[] bytes = Files2.readAll(file);
        String magic = new String(bytes, 0, Math.min(bytes.length, 8), StandardCharsets.US_ASCII);
        if (!magic.matches("NRRD000[1-5]")) {
            throw new ImagingException(file, "magic", "not a NRRD file (expected NRRD0001..NRRD0005 on the first line, found '"
                    + magic.replaceAll("[^\\x20-\\x7e]", "?") + "')");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int pos = 0;
        int dataStart = -1;
        boolean first = true;
        while (pos < bytes.length) {
            int end = pos;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            String line = new String(bytes, pos, end - pos, StandardCharsets.ISO_8859_1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            pos = Math.min(end + 1, bytes.length);
            if (first) {
                first = false;
                continue;
            }
            if (line.isEmpty()) {
                dataStart = pos;
                break;
            }
            if (line.startsWith("#") || line.contains(":=")) {
                continue; // comments and key/value pairs carry nothing the volume needs
            }
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new ImagingException(file, "header", "line '" + line + "' is neither 'field: value' nor 'key:=value'");
            }
            fields.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 2).trim());
        }
        return new Parsed(file, fields, bytes, dataStart).volume();
    }

    /** One header being turned into a volume. */
    private static final class Parsed {
        private final Path file;
        private final Map<String, String> f;
        private final byte[] bytes;
        private final int dataStart;

        Parsed(Path file, Map<String, String> fields, byte[] bytes, int dataStart) {
            this.file = file;
            this.f = fields;
            this.bytes = bytes;
            this.dataStart = dataStart;
        }

        Volume volume() throws ImagingException {
            VoxelType type = type(required("type"));
            int dimension = integer("dimension", required("dimension"));
            if (dimension < 2 || dimension > 3) {
                throw new ImagingException(file, "dimension", "only 2D and 3D scalar images are read, found " + dimension);
            }
            String[] sizeText = split(required("sizes"));
            if (sizeText.length != dimension) {
                throw new ImagingException(file, "sizes", dimension + " values expected (dimension), found " + sizeText.length);
            }
            int[] dims = {1, 1, 1};
            for (int i = 0; i < dimension; i++) {
                dims[i] = integer("sizes", sizeText[i]);
            }
            long n = VoxelData.voxelCount(file, "sizes", dims);
            Volume.Builder b = Volume.builder(dims[0], dims[1], dims[2]).type(type);
            geometry(b, dimension);
            String encoding = required("encoding").toLowerCase(Locale.ROOT);
            ByteOrder order = order(type, encoding);
            Object data = switch (encoding) {
                case "raw" -> raw(type, order, n);
                case "gzip", "gz" -> gzip(type, order, n);
                case "ascii", "text", "txt" -> ascii(type, n);
                default -> throw new ImagingException(file, "encoding", "'" + encoding
                        + "' is not supported (raw, gzip, ascii are)");
            };
            return VoxelData.withData(b, data).build();
        }

        private void geometry(Volume.Builder b, int dimension) throws ImagingException {
            double[][] axes = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
            double[] origin = {0, 0, 0};
            String directions = f.get("space directions");
            if (directions != null) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\([^)]*\\)|none").matcher(directions);
                int k = 0;
                while (m.find()) {
                    String t = m.group();
                    if (t.equals("none")) {
                        throw new ImagingException(file, "space directions", "'none' axis: only scalar spatial images are read");
                    }
                    if (k >= dimension) {
                        throw new ImagingException(file, "space directions", dimension + " vectors expected, found more");
                    }
                    axes[k++] = vector("space directions", t, 3);
                }
                if (k != dimension) {
                    throw new ImagingException(file, "space directions", dimension + " vectors expected, found " + k);
                }
                if (f.containsKey("space origin")) {
                    origin = vector("space origin", f.get("space origin"), 3);
                }
                double[] sign = spaceSign();
                for (int a = 0; a < 3; a++) {
                    for (int r = 0; r < 3; r++) {
                        axes[a][r] *= sign[r];
                    }
                }
                for (int r = 0; r < 3; r++) {
                    origin[r] *= sign[r];
                }
            } else if (f.containsKey("spacings")) {
                String[] s = split(f.get("spacings"));
                if (s.length != dimension) {
                    throw new ImagingException(file, "spacings", dimension + " values expected, found " + s.length);
                }
                for (int i = 0; i < dimension; i++) {
                    double v = s[i].equalsIgnoreCase("nan") ? 1 : number("spacings", s[i]);
                    if (!(v > 0) || Double.isInfinite(v)) {
                        throw new ImagingException(file, "spacings", "value " + (i + 1) + " must be positive, found " + s[i]);
                    }
                    axes[i][i] = v;
                }
            }
            Geometry.apply(b, file, directions != null ? "space directions" : "spacings", axes, origin);
        }

        /** LPS is kept; RAS and LAS are flipped into LPS. */
        private double[] spaceSign() throws ImagingException {
            String space = f.getOrDefault("space", "left-posterior-superior").toLowerCase(Locale.ROOT);
            return switch (space) {
                case "right-anterior-superior", "ras" -> new double[] {-1, -1, 1};
                case "left-anterior-superior", "las" -> new double[] {1, -1, 1};
                case "left-posterior-superior", "lps", "scanner-xyz", "3d-right-handed" -> new double[] {1, 1, 1};
                default -> throw new ImagingException(file, "space", "'" + space + "' is not supported (RAS, LAS, LPS are)");
            };
        }

        private double[] vector(String field, String text, int count) throws ImagingException {
            String t = text.trim();
            if (!t.startsWith("(") || !t.endsWith(")")) {
                throw new ImagingException(file, field, "expected a vector like (1,0,0), found '" + t + "'");
            }
            String[] parts = t.substring(1, t.length() - 1).split(",");
            if (parts.length != count) {
                throw new ImagingException(file, field, count + " components expected, found '" + t + "'");
            }
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                v[i] = number(field, parts[i].trim());
            }
            return v;
        }

        private ByteOrder order(VoxelType type, String encoding) throws ImagingException {
            String endian = f.get("endian");
            if (endian == null) {
                if (type.bytes() > 1 && !encoding.startsWith("a") && !encoding.startsWith("t")) {
                    throw new ImagingException(file, "endian", "missing: needed for " + type.id() + " data in " + encoding + " encoding");
                }
                return ByteOrder.LITTLE_ENDIAN;
            }
            return switch (endian.toLowerCase(Locale.ROOT)) {
                case "little" -> ByteOrder.LITTLE_ENDIAN;
                case "big" -> ByteOrder.BIG_ENDIAN;
                default -> throw new ImagingException(file, "endian", "expected little or big, found '" + endian + "'");
            };
        }

        /** The data bytes: after the header, or the detached data file after line/byte skips. */
        private DataBytes dataBytes() throws ImagingException {
            String dataFile = f.containsKey("data file") ? f.get("data file") : f.get("datafile");
            byte[] src = bytes;
            Path where = file;
            int start = dataStart;
            if (dataFile != null) {
                if (dataFile.startsWith("LIST") || dataFile.contains("%") || split(dataFile).length > 1) {
                    throw new ImagingException(file, "data file", "only a single data file is supported, found '" + dataFile + "'");
                }
                where = Files2.dataFile(file, "data file", dataFile);
                if (!Files.isRegularFile(where)) {
                    throw new ImagingException(file, "data file", "'" + dataFile + "' not found next to the header (" + where + ")");
                }
                src = Files2.readAll(where);
                start = 0;
            } else if (dataStart < 0) {
                throw new ImagingException(file, "data", "no blank line ends the header and no 'data file' field names the data (truncated file?)");
            }
            int lineSkip = f.containsKey("line skip") ? integer("line skip", f.get("line skip")) : 0;
            for (int i = 0; i < lineSkip; i++) {
                while (start < src.length && src[start] != '\n') {
                    start++;
                }
                if (start >= src.length) {
                    throw new ImagingException(where, "line skip", "file ends before " + lineSkip + " lines were skipped");
                }
                start++;
            }
            int byteSkip = f.containsKey("byte skip") ? integer("byte skip", f.get("byte skip")) : 0;
            return new DataBytes(where, src, start, byteSkip);
        }

        private Object raw(VoxelType type, ByteOrder order, long n) throws ImagingException {
            DataBytes d = dataBytes();
            int start = d.start;
            long need = n * type.bytes();
            if (d.byteSkip == -1) {
                start = (int) Math.max(d.start, d.bytes.length - need);
            } else if (d.byteSkip < -1) {
                throw new ImagingException(file, "byte skip", "must be -1 or more, found " + d.byteSkip);
            } else {
                start += d.byteSkip;
            }
            VoxelData.checkRaw(d.where, "sizes", n, type, Math.max(0, d.bytes.length - start));
            return VoxelData.decode(d.bytes, start, type, order, (int) n);
        }

        private Object gzip(VoxelType type, ByteOrder order, long n) throws ImagingException {
            DataBytes d = dataBytes();
            int len = d.bytes.length - d.start;
            byte[] raw = VoxelData.gunzip(d.where, "encoding", new ByteArrayInputStream(d.bytes, d.start, len), len, n * type.bytes());
            int skip = Math.max(0, d.byteSkip);
            if (skip > 0) {
                throw new ImagingException(file, "byte skip", "byte skip with gzip encoding is not supported");
            }
            return VoxelData.decode(raw, 0, type, order, (int) n);
        }

        private Object ascii(VoxelType type, long n) throws ImagingException {
            DataBytes d = dataBytes();
            String text = new String(d.bytes, d.start, d.bytes.length - d.start, StandardCharsets.US_ASCII);
            double[] values = new double[(int) Math.min(n, Math.max(0, text.length() / 2 + 1))];
            if (values.length < n) {
                throw new ImagingException(d.where, "sizes", "header promises " + n + " values but the ascii data is only "
                        + text.length() + " characters long (truncated file or wrong sizes)");
            }
            int count = 0;
            int i = 0;
            int len = text.length();
            while (i < len) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || c == ',') {
                    i++;
                    continue;
                }
                int j = i;
                while (j < len && !Character.isWhitespace(text.charAt(j)) && text.charAt(j) != ',') {
                    j++;
                }
                if (count >= n) {
                    throw new ImagingException(d.where, "sizes", "the ascii data holds more than the " + n + " values the header promises");
                }
                values[count++] = number("data", text.substring(i, j));
                i = j;
            }
            if (count < n) {
                throw new ImagingException(d.where, "sizes", "header promises " + n + " values but the ascii data holds " + count
                        + " (truncated file or wrong sizes)");
            }
            if (type.fitsFloat()) {
                float[] out = new float[(int) n];
                for (int k = 0; k < n; k++) {
                    out[k] = (float) values[k];
                }
                return out;
            }
            return values;
        }

        private String required(String field) throws ImagingException {
            String v = f.get(field);
            if (v == null || v.isBlank()) {
                throw new ImagingException(file, field, "required field missing from the header");
            }
            return v;
        }

        private VoxelType type(String t) throws ImagingException {
            return switch (t.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")) {
                case "signed char", "int8", "int8_t" -> VoxelType.INT8;
                case "uchar", "unsigned char", "uint8", "uint8_t" -> VoxelType.UINT8;
                case "short", "short int", "signed short", "signed short int", "int16", "int16_t" -> VoxelType.INT16;
                case "ushort", "unsigned short", "unsigned short int", "uint16", "uint16_t" -> VoxelType.UINT16;
                case "int", "signed int", "int32", "int32_t" -> VoxelType.INT32;
                case "uint", "unsigned int", "uint32", "uint32_t" -> VoxelType.UINT32;
                case "longlong", "long long", "long long int", "signed long long", "signed long long int", "int64", "int64_t" ->
                    VoxelType.INT64;
                case "ulonglong", "unsigned long long", "unsigned long long int", "uint64", "uint64_t" -> VoxelType.UINT64;
                case "float" -> VoxelType.FLOAT32;
                case "double" -> VoxelType.FLOAT64;
                default -> throw new ImagingException(file, "type", "unknown type '" + t + "'");
            };
        }

        private int integer(String field, String text) throws ImagingException {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new ImagingException(file, field, "expected an integer, found '" + text + "'");
            }
        }

        private double number(String field, String text) throws ImagingException {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new ImagingException(file, field, "expected a number, found '" + text + "'");
            }
        }

        private static String[] split(String s) {
            return s.trim().split("\\s+");
        }
    }

    private record DataBytes(Path where, byte[] bytes, int start, int byteSkip) {
    }
}
