package org.painlab.imaging.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.NrrdWriter;
import org.painlab.imaging.ScanSite;
import org.painlab.imaging.Volume;
import org.painlab.imaging.VolumeReaders;
import org.painlab.imaging.VoxelType;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.internal.store.VolumeFiles;

/**
 * The volumes of a study: adding them (files written as gzip NRRD under {@code files/imaging/}, rows linked
 * to subject, side and level, all in one step: the files are written first and removed again when the rows
 * cannot be), listing them per subject, loading their voxels (checked against the stored SHA-256) and
 * handing them to classifiers as {@link Case}s with the features of the latest stored feature result.
 *
 * @since 0.1
 */
public final class ImagingStore {
    /** The grade from which a volume is labelled fatty (1) by default: moderate or severe infiltration. */
    public static final int FATTY_FROM_GRADE = 2;

    private static final String COLUMNS = "id, role, subject_id, side, level, file_path, sha256, nx, ny, nz, sx, sy, sz, "
            + "voxel_type, mask_id, mri_grade, fat_fraction, source, original_file";

    private final Study study;
    private final VolumeFiles files;

    /** @param study an open study (with the imaging schema) */
    public ImagingStore(Study study) {
        this.study = study;
        this.files = new VolumeFiles(study.filesFolder());
    }

    /** The study. */
    public Study study() {
        return study;
    }

    /** Adds one volume (and its mask); see {@link #addAll}. */
    public StoredVolume add(NewVolume volume, String actor) throws StudyException {
        return addAll(List.of(volume), actor).get(0);
    }

    /**
     * Adds volumes and their masks in one step: every file is written as the volumes come (through a
     * temporary file each; the voxels are not kept, so a lazily made sequence of hundreds of volumes does not
     * fill the memory), then every row in one transaction with one audit row per volume. When anything fails,
     * the files written are deleted and the study is as it was.
     *
     * @return the stored images, in the given order
     * @throws StudyException a file or the database cannot be written (a volume's own fault is named)
     */
    public List<StoredVolume> addAll(Iterable<NewVolume> volumes, String actor) throws StudyException {
        String by = actor == null || actor.isBlank() ? System.getProperty("user.name", "unknown") : actor;
        Set<String> taken = new HashSet<>();
        List<String> written = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        try {
            for (NewVolume v : volumes) {
                String image = files.freeName(v.subjectId(), v.site(), false, taken);
                taken.add(image);
                String imageHash = files.write(v.image(), image);
                written.add(image);
                String mask = null;
                String maskHash = null;
                if (v.mask() != null) {
                    mask = files.freeName(v.subjectId(), v.site(), true, taken);
                    taken.add(mask);
                    maskHash = files.write(binary(v.mask()), mask);
                    written.add(mask);
                }
                Volume img = v.image();
                pending.add(new Pending(v.subjectId(), v.site(), img.dims(), img.spacing(), NrrdWriter.storedType(img).id(), v.mriGrade(),
                        v.fatFraction(), v.source(), v.originalFile(), image, imageHash, mask, maskHash));
            }
            Instant now = Instant.now();
            return study.transaction(c -> {
                List<StoredVolume> out = new ArrayList<>();
                for (Pending p : pending) {
                    Long maskId = p.maskFile == null ? null : insert(c, p, true, null, now, by);
                    long id = insert(c, p, false, maskId, now, by);
                    new AuditLog(c).append(new AuditEntry(0, now, by, "insert", "volume", Long.toString(id), "file", null,
                            p.file, p.source + " volume of subject " + p.subjectId + ", " + p.site));
                    out.add(new StoredVolume(id, false, p.subjectId, p.site, p.file, p.sha256, p.dims, p.spacing,
                            VoxelType.valueOf(p.type.toUpperCase(Locale.ROOT)), maskId, p.mriGrade, p.fatFraction, p.source,
                            p.originalFile));
                }
                return out;
            });
        } catch (IOException e) {
            deleteAll(written, e);
            throw new StudyException(study.folder() + ": cannot write a volume file (" + e.getMessage() + "); nothing was added", e);
        } catch (StudyException | RuntimeException e) {
            deleteAll(written, e);
            throw e;
        }
    }

    private void deleteAll(List<String> written, Exception failure) {
        for (String w : written) {
            try {
                Files.deleteIfExists(files.resolve(w));
            } catch (IOException again) {
                failure.addSuppressed(again);
            }
        }
    }

    /** The mask as 8-bit labels: 1 where it selects a voxel (non-zero), else 0. */
    private static Volume binary(Volume m) {
        float[] d = new float[m.voxelCount()];
        for (int i = 0; i < d.length; i++) {
            double x = m.value(i);
            d[i] = x != 0 && !Double.isNaN(x) ? 1 : 0;
        }
        double[] s = m.spacing();
        double[] o = m.origin();
        return Volume.builder(m.nx(), m.ny(), m.nz()).spacing(s[0], s[1], s[2]).origin(o[0], o[1], o[2])
                .direction(m.direction()).type(VoxelType.UINT8).data(d).build();
    }

    /** A volume whose files are written and whose rows are not yet. */
    private record Pending(String subjectId, ScanSite site, int[] dims, double[] spacing, String type, Integer mriGrade,
            Double fatFraction, String source, String originalFile, String file, String sha256, String maskFile,
            String maskSha256) {
    }

    private static long insert(Connection c, Pending p, boolean mask, Long maskId, Instant now, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO imaging_volume(role, subject_id, side, level, file_path, "
                + "sha256, nx, ny, nz, sx, sy, sz, voxel_type, mask_id, mri_grade, fat_fraction, source, original_file, "
                + "added_at, added_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, mask ? "mask" : "image");
            ps.setString(2, p.subjectId);
            ps.setString(3, p.site.side().id());
            ps.setString(4, p.site.level());
            ps.setString(5, mask ? p.maskFile : p.file);
            ps.setString(6, mask ? p.maskSha256 : p.sha256);
            for (int k = 0; k < 3; k++) {
                ps.setInt(7 + k, p.dims[k]);
                ps.setDouble(10 + k, p.spacing[k]);
            }
            // a mask is stored as 8-bit labels whatever the type it came in
            ps.setString(13, mask ? "uint8" : p.type);
            setLong(ps, 14, maskId);
            if (mask || p.mriGrade == null) {
                ps.setNull(15, Types.INTEGER);
            } else {
                ps.setInt(15, p.mriGrade);
            }
            if (mask || p.fatFraction == null) {
                ps.setNull(16, Types.DOUBLE);
            } else {
                ps.setDouble(16, p.fatFraction);
            }
            ps.setString(17, p.source);
            ps.setString(18, p.originalFile);
            ps.setTimestamp(19, Timestamp.from(now));
            ps.setString(20, by);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    /**
     * Imports a volume file (and its mask) of a subject with the installed readers ({@code .nrrd}, {@code .nii},
     * {@code .mha} and what plug-ins add); the study keeps its own NRRD copy.
     *
     * @param image    the volume file
     * @param mask     the mask file on the same grid, or null
     * @param subjectId the subject
     * @param site     side and level
     * @param mriGrade the MRI grade 0..3, or null
     * @param actor    who imports it
     * @throws ImagingException a file cannot be read, or the mask does not fit the image (field {@code geometry})
     * @throws StudyException   the study cannot be written
     */
    public StoredVolume importVolume(Path image, Path mask, String subjectId, ScanSite site, Integer mriGrade, String actor)
            throws ImagingException, StudyException {
        VolumeReaders readers = new VolumeReaders();
        Volume v = readers.read(image);
        Volume m = mask == null ? null : readers.read(mask);
        if (m != null && !m.sameGeometry(v)) {
            throw new ImagingException(mask, "geometry", "the mask's grid " + java.util.Arrays.toString(m.dims())
                    + " or geometry differs from the image's " + java.util.Arrays.toString(v.dims()) + " (" + image + ")");
        }
        return add(new NewVolume(subjectId, site, v, m, mriGrade, null, "imported", image.toAbsolutePath().toString()), actor);
    }

    /** Every image (not the masks), ordered by subject, side, level and id. */
    public List<StoredVolume> volumes() throws StudyException {
        return query("WHERE role = 'image' ORDER BY subject_id, side, level, id", null);
    }

    /** The images of one subject. */
    public List<StoredVolume> volumes(String subjectId) throws StudyException {
        return query("WHERE role = 'image' AND subject_id = ? ORDER BY side, level, id", subjectId);
    }

    /** The subjects that have volumes, in order. */
    public List<String> subjects() throws StudyException {
        return study.read(c -> {
            List<String> out = new ArrayList<>();
            try (var st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT DISTINCT subject_id FROM imaging_volume WHERE role = 'image' ORDER BY subject_id")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** A volume or mask by id. */
    public Optional<StoredVolume> get(long id) throws StudyException {
        return study.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM imaging_volume WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<StoredVolume>empty();
                }
            }
        });
    }

    private List<StoredVolume> query(String where, String parameter) throws StudyException {
        return study.read(c -> {
            List<StoredVolume> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM imaging_volume " + where)) {
                if (parameter != null) {
                    ps.setString(1, parameter);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    private static StoredVolume read(ResultSet rs) throws SQLException {
        long maskId = rs.getLong(15);
        Long mask = rs.wasNull() ? null : maskId;
        int grade = rs.getInt(16);
        Integer mri = rs.wasNull() ? null : grade;
        double fat = rs.getDouble(17);
        Double fatFraction = rs.wasNull() ? null : fat;
        return new StoredVolume(rs.getLong(1), "mask".equals(rs.getString(2)), rs.getString(3),
                new ScanSite(ScanSite.Side.parse(rs.getString(4)), rs.getString(5)), rs.getString(6), rs.getString(7),
                new int[] {rs.getInt(8), rs.getInt(9), rs.getInt(10)},
                new double[] {rs.getDouble(11), rs.getDouble(12), rs.getDouble(13)},
                VoxelType.valueOf(rs.getString(14).toUpperCase(Locale.ROOT)), mask, mri, fatFraction, rs.getString(18),
                rs.getString(19));
    }

    /** The file of a stored volume. */
    public Path path(StoredVolume v) {
        return files.resolve(v.file());
    }

    /**
     * The voxels of a stored volume or mask.
     *
     * @throws ImagingException the file is gone, changed since it was stored (SHA-256) or unreadable
     */
    public Volume load(StoredVolume v) throws ImagingException {
        return files.read(v.file(), v.sha256());
    }

    /** The mask of an image, or empty when it has none. */
    public Optional<Volume> loadMask(StoredVolume image) throws ImagingException, StudyException {
        if (image.maskId() == null) {
            return Optional.empty();
        }
        StoredVolume m = get(image.maskId()).orElseThrow(() -> new StudyException(study.folder() + ": volume "
                + image.id() + " names mask " + image.maskId() + ", which is not in the study"));
        return Optional.of(load(m));
    }

    /** The cases of every graded or ungraded image, labelled fatty from {@link #FATTY_FROM_GRADE}. */
    public List<Case> cases() throws StudyException {
        return cases(FATTY_FROM_GRADE);
    }

    /**
     * Every image as a classifier's case: id = volume id, patient = subject, label 1 when the MRI grade is at
     * least {@code fattyFromGrade} (0 below, -1 ungraded), the features of the newest stored feature result
     * that holds the volume (empty when none), and the voxels and mask loaded only when asked for.
     */
    public List<Case> cases(int fattyFromGrade) throws StudyException {
        List<StoredVolume> images = volumes();
        Map<Long, StoredVolume> masks = new LinkedHashMap<>();
        for (StoredVolume m : query("WHERE role = 'mask'", null)) {
            masks.put(m.id(), m);
        }
        Map<Long, Map<String, Double>> features = new StoredFeatures(study).latest(images);
        List<Case> out = new ArrayList<>();
        for (StoredVolume v : images) {
            StoredVolume mask = v.maskId() == null ? null : masks.get(v.maskId());
            Supplier<Volume> image = () -> loadUnchecked(v);
            Supplier<Volume> roi = () -> mask == null ? null : loadUnchecked(mask);
            out.add(new Case(Long.toString(v.id()), v.subjectId(), v.label(fattyFromGrade),
                    features.getOrDefault(v.id(), Map.of()), image, roi));
        }
        return out;
    }

    private Volume loadUnchecked(StoredVolume v) {
        try {
            return load(v);
        } catch (ImagingException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        }
    }
}
