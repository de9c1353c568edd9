package org.painlab.imaging.internal.io;

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
 * MetaImage (ITK/VTK): {@code .mha} with the data after the header ({@code ElementDataFile = LOCAL}) or
 * {@code .mhd} naming a raw file; every MET_ scalar type, either byte order, zlib
 * {@code CompressedData}, {@code ElementSpacing}, {@code Offset} and {@code TransformMatrix} (the first
 * three numbers are the direction of the x axis, as ITK writes it). Coordinates are LPS.
 */
public final class MetaImageReader implements VolumeReader {
    @Override
    public Volume read(Path file) throws ImagingException {
        byte[] bytes = Files2.readAll(file);
        Map<String, String> f = new LinkedHashMap<>();
        int pos = 0;
        int dataStart = -1;
        while (pos < bytes.length) {
            int end = pos;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            String line = new String(bytes, pos, end - pos, StandardCharsets.ISO_8859_1).strip();
            pos = Math.min(end + 1, bytes.length);
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ImagingException(file, "header", "line '" + line + "' is not 'Key = Value'");
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            f.put(key, line.substring(eq + 1).strip());
            if (key.equals("elementdatafile")) {
                dataStart = pos;
                break;
            }
        }
        if (dataStart < 0) {
            throw new ImagingException(file, "ElementDataFile", "required field missing (it ends the header)");
        }
        return volume(file, f, bytes, dataStart);
    }

    private static Volume volume(Path file, Map<String, String> f, byte[] bytes, int dataStart) throws ImagingException {
        String objectType = f.getOrDefault("objecttype", "Image");
        if (!objectType.equalsIgnoreCase("Image")) {
            throw new ImagingException(file, "ObjectType", "expected Image, found '" + objectType + "'");
        }
        int ndims = integer(file, "NDims", required(file, f, "ndims", "NDims"));
        if (ndims < 2 || ndims > 3) {
            throw new ImagingException(file, "NDims", "only 2D and 3D images are read, found " + ndims);
        }
        String channels = f.getOrDefault("elementnumberofchannels", "1");
        if (integer(file, "ElementNumberOfChannels", channels) != 1) {
            throw new ImagingException(file, "ElementNumberOfChannels", "only scalar images are read, found " + channels);
        }
        double[] size = numbers(file, "DimSize", required(file, f, "dimsize", "DimSize"), ndims);
        int[] dims = {1, 1, 1};
        for (int i = 0; i < ndims; i++) {
            if (size[i] != Math.floor(size[i])) {
                throw new ImagingException(file, "DimSize", "expected integers, found " + f.get("dimsize"));
            }
            dims[i] = (int) size[i];
        }
        long n = VoxelData.voxelCount(file, "DimSize", dims);
        VoxelType type = type(file, required(file, f, "elementtype", "ElementType"));
        Volume.Builder b = Volume.builder(dims[0], dims[1], dims[2]).type(type);
        double[][] axes = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        String spacingKey = f.containsKey("elementspacing") ? "elementspacing" : f.containsKey("elementsize") ? "elementsize" : null;
        double[] spacing = spacingKey == null ? new double[] {1, 1, 1} : numbers(file, "ElementSpacing", f.get(spacingKey), ndims);
        String matrixKey = firstKey(f, "transformmatrix", "rotation", "orientation");
        if (matrixKey != null) {
            double[] m = numbers(file, "TransformMatrix", f.get(matrixKey), ndims * ndims);
            for (int k = 0; k < ndims; k++) {
                for (int r = 0; r < ndims; r++) {
                    axes[k][r] = m[k * ndims + r];
                }
            }
        }
        for (int k = 0; k < ndims; k++) {
            if (!(spacing[k] > 0)) {
                throw new ImagingException(file, "ElementSpacing", "must be positive, found " + spacing[k]);
            }
            for (int r = 0; r < 3; r++) {
                axes[k][r] *= spacing[k];
            }
        }
        double[] origin = {0, 0, 0};
        String originKey = firstKey(f, "offset", "position", "origin");
        if (originKey != null) {
            double[] o = numbers(file, "Offset", f.get(originKey), ndims);
            System.arraycopy(o, 0, origin, 0, ndims);
        }
        Geometry.apply(b, file, "TransformMatrix/ElementSpacing", axes, origin);
        String msb = firstKey(f, "binarydatabyteordermsb", "elementbyteordermsb");
        ByteOrder order = msb != null && f.get(msb).equalsIgnoreCase("true") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        boolean compressed = f.getOrDefault("compresseddata", "False").equalsIgnoreCase("true");
        String dataFile = f.get("elementdatafile");
        byte[] src = bytes;
        Path where = file;
        int start = dataStart;
        if (!dataFile.equalsIgnoreCase("LOCAL")) {
            if (dataFile.toUpperCase(Locale.ROOT).startsWith("LIST") || dataFile.contains("%")) {
                throw new ImagingException(file, "ElementDataFile", "only LOCAL or one data file is supported, found '" + dataFile + "'");
            }
            where = Files2.dataFile(file, "ElementDataFile", dataFile);
            if (!Files.isRegularFile(where)) {
                throw new ImagingException(file, "ElementDataFile", "'" + dataFile + "' not found next to the header (" + where + ")");
            }
            src = Files2.readAll(where);
            start = 0;
            int headerSize = f.containsKey("headersize") ? integer(file, "HeaderSize", f.get("headersize")) : 0;
            if (headerSize == -1 && !compressed) {
                start = (int) Math.max(0, src.length - n * type.bytes());
            } else if (headerSize > 0) {
                start = headerSize;
            }
        }
        long need = n * type.bytes();
        Object data;
        if (compressed) {
            byte[] raw = VoxelData.inflate(where, "CompressedData", src, start, src.length - start, need);
            data = VoxelData.decode(raw, 0, type, order, (int) n);
        } else {
            VoxelData.checkRaw(where, "DimSize", n, type, Math.max(0, src.length - start));
            data = VoxelData.decode(src, start, type, order, (int) n);
        }
        return VoxelData.withData(b, data).build();
    }

    private static String firstKey(Map<String, String> f, String... keys) {
        for (String k : keys) {
            if (f.containsKey(k)) {
                return k;
            }
        }
        return null;
    }

    private static String required(Path file, Map<String, String> f, String key, String field) throws ImagingException {
        String v = f.get(key);
        if (v == null || v.isBlank()) {
            throw new ImagingException(file, field, "required field missing from the header");
        }
        return v;
    }

    private static VoxelType type(Path file, String t) throws ImagingException {
        return switch (t.toUpperCase(Locale.ROOT)) {
            case "MET_CHAR" -> VoxelType.INT8;
            case "MET_UCHAR" -> VoxelType.UINT8;
            case "MET_SHORT" -> VoxelType.INT16;
            case "MET_USHORT" -> VoxelType.UINT16;
            case "MET_INT", "MET_LONG" -> VoxelType.INT32;
            case "MET_UINT", "MET_ULONG" -> VoxelType.UINT32;
            case "MET_LONG_LONG" -> VoxelType.INT64;
            case "MET_ULONG_LONG" -> VoxelType.UINT64;
            case "MET_FLOAT" -> VoxelType.FLOAT32;
            case "MET_DOUBLE" -> VoxelType.FLOAT64;
            default -> throw new ImagingException(file, "ElementType", "unknown or non-scalar type '" + t + "'");
        };
    }

    private static int integer(Path file, String field, String text) throws ImagingException {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ImagingException(file, field, "expected an integer, found '" + text + "'");
        }
    }

    private static double[] numbers(Path file, String field, String text, int count) throws ImagingException {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != count) {
            throw new ImagingException(file, field, count + " values expected, found '" + text + "'");
        }
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                v[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new ImagingException(file, field, "expected numbers, found '" + text + "'");
            }
        }
        return v;
    }
}
