package org.painlab.imaging.internal.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import org.painlab.core.io.AtomicFiles;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.NrrdWriter;
import org.painlab.imaging.ScanSite;
import org.painlab.imaging.Volume;
import org.painlab.imaging.internal.io.NrrdReader;

/** Where a study keeps volume files, writing them (gzip NRRD, atomically) and reading them back checked. */
public final class VolumeFiles {
    private final Path filesFolder;

    public VolumeFiles(Path filesFolder) {
        this.filesFolder = filesFolder;
    }

    /** A free relative path {@code imaging/<subject>/<side>-<level>[-n].nrrd} (or {@code -mask}). */
    public String freeName(String subjectId, ScanSite site, boolean mask, Set<String> taken) {
        String base = "imaging/" + safe(subjectId) + "/" + site.side().id() + "-" + site.level() + (mask ? "-mask" : "");
        String name = base + ".nrrd";
        for (int n = 2; taken.contains(name) || Files.exists(resolve(name)); n++) {
            name = base + "-" + n + ".nrrd";
        }
        return name;
    }

    private static String safe(String id) {
        String s = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.startsWith(".") ? "_" + s.substring(1) : s;
    }

    public Path resolve(String relative) {
        return filesFolder.resolve(relative);
    }

    /** Writes the volume and returns the SHA-256 of the bytes written. */
    public String write(Volume v, String relative) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, v.voxelCount()));
        new NrrdWriter(NrrdWriter.Encoding.GZIP).write(v, bytes);
        byte[] b = bytes.toByteArray();
        AtomicFiles.write(resolve(relative), out -> out.write(b));
        return sha256(b);
    }

    /** Reads a stored file after checking its SHA-256. */
    public Volume read(String relative, String expectedSha256) throws ImagingException {
        Path file = resolve(relative);
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImagingException(file, null, "the stored volume file cannot be read (" + e.getMessage() + ")", e);
        }
        String actual = sha256(b);
        if (!actual.equals(expectedSha256)) {
            throw new ImagingException(file, "sha256", "the file changed since it was stored (SHA-256 " + actual
                    + ", stored " + expectedSha256 + ")");
        }
        return new NrrdReader().read(file);
    }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
