package org.painlab.imaging.features.previous;

// Frozen copy of org.painlab.imaging.internal.features at commit c9b323c: the oracle of PreviousExtractor. Do not optimise.

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IBSI names and codes of every feature the engine computes, keyed by IBSI symbol
 * (e.g. {@code cm.joint.max}): one table so a feature never carries a misspelt code.
 * Taken from the IBSI reference manual (chapter 1, digital phantom tables).
 */
final class IbsiCatalog {
    /** One feature's IBSI family (short form), code and name. */
    public record Entry(String family, String symbol, String code, String name) {
    }

    private static final Map<String, Entry> ENTRIES = build();

    private IbsiCatalog() {
    }

    /** The entry of {@code symbol}; an unknown symbol is a programming error. */
    public static Entry of(String symbol) {
        Entry e = ENTRIES.get(symbol);
        if (e == null) {
            throw new IllegalArgumentException("no IBSI entry for " + symbol);
        }
        return e;
    }

    /** Every symbol, in the IBSI order. */
    public static Iterable<String> symbols() {
        return ENTRIES.keySet();
    }

    private static void add(Map<String, Entry> m, String family, String symbol, String code, String name) {
        m.put(symbol, new Entry(family, symbol, code, name));
    }

    private static Map<String, Entry> build() {
        Map<String, Entry> m = new LinkedHashMap<>();
        add(m, "morph", "morph.vol", "RNU0", "Volume (mesh)");
        add(m, "morph", "morph.approx.vol", "YEKZ", "Volume (voxel counting)");
        add(m, "morph", "morph.area", "C0JK", "Surface area (mesh)");
        add(m, "morph", "morph.av", "2PR5", "Surface to volume ratio");
        add(m, "morph", "morph.comp.1", "SKGS", "Compactness 1");
        add(m, "morph", "morph.comp.2", "BQWJ", "Compactness 2");
        add(m, "morph", "morph.sph.dispr", "KRCK", "Spherical disproportion");
        add(m, "morph", "morph.sphericity", "QCFX", "Sphericity");
        add(m, "morph", "morph.asphericity", "25C7", "Asphericity");
        add(m, "morph", "morph.com", "KLMA", "Centre of mass shift");
        add(m, "morph", "morph.diam", "L0JK", "Maximum 3D diameter");
        add(m, "morph", "morph.pca.major", "TDIC", "Major axis length");
        add(m, "morph", "morph.pca.minor", "P9VJ", "Minor axis length");
        add(m, "morph", "morph.pca.least", "7J51", "Least axis length");
        add(m, "morph", "morph.pca.elongation", "Q3CK", "Elongation");
        add(m, "morph", "morph.pca.flatness", "N17B", "Flatness");
        add(m, "morph", "morph.v.dens.aabb", "PBX1", "Volume density (axis-aligned bounding box)");
        add(m, "morph", "morph.a.dens.aabb", "R59B", "Area density (axis-aligned bounding box)");
        add(m, "morph", "morph.v.dens.aee", "6BDE", "Volume density (approximate enclosing ellipsoid)");
        add(m, "morph", "morph.a.dens.aee", "RDD2", "Area density (approximate enclosing ellipsoid)");
        add(m, "morph", "morph.v.dens.conv.hull", "R3ER", "Volume density (convex hull)");
        add(m, "morph", "morph.a.dens.conv.hull", "7T7F", "Area density (convex hull)");
        add(m, "morph", "morph.integ.int", "99N0", "Integrated intensity");
        add(m, "morph", "morph.moran.i", "N365", "Moran's I index");
        add(m, "morph", "morph.geary.c", "NPT7", "Geary's C measure");
        add(m, "loc", "loc.peak.local", "VJGA", "Local intensity peak");
        add(m, "loc", "loc.peak.global", "0F91", "Global intensity peak");
        add(m, "stat", "stat.mean", "Q4LE", "Mean intensity");
        add(m, "stat", "stat.var", "ECT3", "Intensity variance");
        add(m, "stat", "stat.skew", "KE2A", "Intensity skewness");
        add(m, "stat", "stat.kurt", "IPH6", "(Excess) intensity kurtosis");
        add(m, "stat", "stat.median", "Y12H", "Median intensity");
        add(m, "stat", "stat.min", "1GSF", "Minimum intensity");
        add(m, "stat", "stat.P10", "QG58", "10th intensity percentile");
        add(m, "stat", "stat.P90", "8DWT", "90th intensity percentile");
        add(m, "stat", "stat.max", "84IY", "Maximum intensity");
        add(m, "stat", "stat.iqr", "SALO", "Intensity interquartile range");
        add(m, "stat", "stat.range", "2OJQ", "Intensity range");
        add(m, "stat", "stat.mad", "4FUA", "Intensity-based mean absolute deviation");
        add(m, "stat", "stat.rmad", "1128", "Intensity-based robust mean absolute deviation");
        add(m, "stat", "stat.medad", "N72L", "Intensity-based median absolute deviation");
        add(m, "stat", "stat.cov", "7TET", "Intensity-based coefficient of variation");
        add(m, "stat", "stat.qcod", "9S40", "Intensity-based quartile coefficient of dispersion");
        add(m, "stat", "stat.energy", "N8CA", "Intensity-based energy");
        add(m, "stat", "stat.rms", "5ZWQ", "Root mean square intensity");
        add(m, "ih", "ih.mean", "X6K6", "Mean discretised intensity");
        add(m, "ih", "ih.var", "CH89", "Discretised intensity variance");
        add(m, "ih", "ih.skew", "88K1", "Discretised intensity skewness");
        add(m, "ih", "ih.kurt", "C3I7", "(Excess) discretised intensity kurtosis");
        add(m, "ih", "ih.median", "WIFQ", "Median discretised intensity");
        add(m, "ih", "ih.min", "1PR8", "Minimum discretised intensity");
        add(m, "ih", "ih.P10", "1PR8", "10th discretised intensity percentile");
        add(m, "ih", "ih.P90", "GPMT", "90th discretised intensity percentile");
        add(m, "ih", "ih.max", "3NCY", "Maximum discretised intensity");
        add(m, "ih", "ih.mode", "AMMC", "Intensity histogram mode");
        add(m, "ih", "ih.iqr", "WR0O", "Discretised intensity interquartile range");
        add(m, "ih", "ih.range", "5Z3W", "Discretised intensity range");
        add(m, "ih", "ih.mad", "D2ZX", "Intensity histogram mean absolute deviation");
        add(m, "ih", "ih.rmad", "WRZB", "Intensity histogram robust mean absolute deviation");
        add(m, "ih", "ih.medad", "4RNL", "Intensity histogram median absolute deviation");
        add(m, "ih", "ih.cov", "CWYJ", "Intensity histogram coefficient of variation");
        add(m, "ih", "ih.qcod", "SLWD", "Intensity histogram quartile coefficient of dispersion");
        add(m, "ih", "ih.entropy", "TLU2", "Discretised intensity entropy");
        add(m, "ih", "ih.uniformity", "BJ5W", "Discretised intensity uniformity");
        add(m, "ih", "ih.max.grad", "12CE", "Maximum histogram gradient");
        add(m, "ih", "ih.max.grad.gl", "8E6O", "Maximum histogram gradient intensity");
        add(m, "ih", "ih.min.grad", "VQB3", "Minimum histogram gradient");
        add(m, "ih", "ih.min.grad.gl", "RHQZ", "Minimum histogram gradient intensity");
        add(m, "ivh", "ivh.V10", "BC2M", "Volume at intensity fraction");
        add(m, "ivh", "ivh.V90", "BC2M", "Volume at intensity fraction");
        add(m, "ivh", "ivh.I10", "GBPN", "Intensity at volume fraction");
        add(m, "ivh", "ivh.I90", "GBPN", "Intensity at volume fraction");
        add(m, "ivh", "ivh.V10minusV90", "DDTU", "Volume fraction difference between intensity fractions");
        add(m, "ivh", "ivh.I10minusI90", "CNV2", "Intensity fraction difference between volume fractions");
        add(m, "cm", "cm.joint.max", "GYBY", "Joint maximum");
        add(m, "cm", "cm.joint.avg", "60VM", "Joint average");
        add(m, "cm", "cm.joint.var", "UR99", "Joint variance");
        add(m, "cm", "cm.joint.entr", "TU9B", "Joint entropy");
        add(m, "cm", "cm.diff.avg", "TF7R", "Difference average");
        add(m, "cm", "cm.diff.var", "D3YU", "Difference variance");
        add(m, "cm", "cm.diff.entr", "NTRS", "Difference entropy");
        add(m, "cm", "cm.sum.avg", "ZGXS", "Sum average");
        add(m, "cm", "cm.sum.var", "OEEB", "Sum variance");
        add(m, "cm", "cm.sum.entr", "P6QZ", "Sum entropy");
        add(m, "cm", "cm.energy", "8ZQL", "Angular second moment");
        add(m, "cm", "cm.contrast", "ACUI", "Contrast");
        add(m, "cm", "cm.dissimilarity", "8S9J", "Dissimilarity");
        add(m, "cm", "cm.inv.diff", "IB1Z", "Inverse difference");
        add(m, "cm", "cm.inv.diff.norm", "NDRX", "Normalised inverse difference");
        add(m, "cm", "cm.inv.diff.mom", "WF0Z", "Inverse difference moment");
        add(m, "cm", "cm.inv.diff.mom.norm", "1QCO", "Normalised inverse difference moment");
        add(m, "cm", "cm.inv.var", "E8JP", "Inverse variance");
        add(m, "cm", "cm.corr", "NI2N", "Correlation");
        add(m, "cm", "cm.auto.corr", "QWB0", "Autocorrelation");
        add(m, "cm", "cm.clust.tend", "DG8W", "Cluster tendency");
        add(m, "cm", "cm.clust.shade", "7NFM", "Cluster shade");
        add(m, "cm", "cm.clust.prom", "AE86", "Cluster prominence");
        add(m, "cm", "cm.info.corr.1", "R8DG", "Information correlation 1");
        add(m, "cm", "cm.info.corr.2", "JN9H", "Information correlation 2");
        add(m, "rlm", "rlm.sre", "22OV", "Short runs emphasis");
        add(m, "rlm", "rlm.lre", "W4KF", "Long runs emphasis");
        add(m, "rlm", "rlm.lgre", "V3SW", "Low grey level run emphasis");
        add(m, "rlm", "rlm.hgre", "G3QZ", "High grey level run emphasis");
        add(m, "rlm", "rlm.srlge", "HTZT", "Short run low grey level emphasis");
        add(m, "rlm", "rlm.srhge", "GD3A", "Short run high grey level emphasis");
        add(m, "rlm", "rlm.lrlge", "IVPO", "Long run low grey level emphasis");
        add(m, "rlm", "rlm.lrhge", "3KUM", "Long run high grey level emphasis");
        add(m, "rlm", "rlm.glnu", "R5YN", "Grey level non-uniformity");
        add(m, "rlm", "rlm.glnu.norm", "OVBL", "Normalised grey level non-uniformity");
        add(m, "rlm", "rlm.rlnu", "W92Y", "Run length non-uniformity");
        add(m, "rlm", "rlm.rlnu.norm", "IC23", "Normalised run length non-uniformity");
        add(m, "rlm", "rlm.r.perc", "9ZK5", "Run percentage");
        add(m, "rlm", "rlm.gl.var", "8CE5", "Grey level variance");
        add(m, "rlm", "rlm.rl.var", "SXLW", "Run length variance");
        add(m, "rlm", "rlm.rl.entr", "HJ9O", "Run entropy");
        add(m, "szm", "szm.sze", "5QRC", "Small zone emphasis");
        add(m, "szm", "szm.lze", "48P8", "Large zone emphasis");
        add(m, "szm", "szm.lgze", "XMSY", "Low grey level zone emphasis");
        add(m, "szm", "szm.hgze", "5GN9", "High grey level zone emphasis");
        add(m, "szm", "szm.szlge", "5RAI", "Small zone low grey level emphasis");
        add(m, "szm", "szm.szhge", "HW1V", "Small zone high grey level emphasis");
        add(m, "szm", "szm.lzlge", "YH51", "Large zone low grey level emphasis");
        add(m, "szm", "szm.lzhge", "J17V", "Large zone high grey level emphasis");
        add(m, "szm", "szm.glnu", "JNSA", "Grey level non-uniformity");
        add(m, "szm", "szm.glnu.norm", "Y1RO", "Normalised grey level non-uniformity");
        add(m, "szm", "szm.zsnu", "4JP3", "Zone size non-uniformity");
        add(m, "szm", "szm.zsnu.norm", "VB3A", "Normalised zone size non-uniformity");
        add(m, "szm", "szm.z.perc", "P30P", "Zone percentage");
        add(m, "szm", "szm.gl.var", "BYLV", "Grey level variance");
        add(m, "szm", "szm.zs.var", "3NSA", "Zone size variance");
        add(m, "szm", "szm.zs.entr", "GU8N", "Zone size entropy");
        add(m, "dzm", "dzm.sde", "0GBI", "Small distance emphasis");
        add(m, "dzm", "dzm.lde", "MB4I", "Large distance emphasis");
        add(m, "dzm", "dzm.lgze", "S1RA", "Low grey level zone emphasis");
        add(m, "dzm", "dzm.hgze", "K26C", "High grey level zone emphasis");
        add(m, "dzm", "dzm.sdlge", "RUVG", "Small distance low grey level emphasis");
        add(m, "dzm", "dzm.sdhge", "DKNJ", "Small distance high grey level emphasis");
        add(m, "dzm", "dzm.ldlge", "A7WM", "Large distance low grey level emphasis");
        add(m, "dzm", "dzm.ldhge", "KLTH", "Large distance high grey level emphasis");
        add(m, "dzm", "dzm.glnu", "VFT7", "Grey level non-uniformity");
        add(m, "dzm", "dzm.glnu.norm", "7HP3", "Normalised grey level non-uniformity");
        add(m, "dzm", "dzm.zdnu", "V294", "Zone distance non-uniformity");
        add(m, "dzm", "dzm.zdnu.norm", "IATH", "Normalised zone distance non-uniformity");
        add(m, "dzm", "dzm.z.perc", "VIWW", "Zone percentage");
        add(m, "dzm", "dzm.gl.var", "QK93", "Grey level variance");
        add(m, "dzm", "dzm.zd.var", "7WT1", "Zone distance variance");
        add(m, "dzm", "dzm.zd.entr", "GBDU", "Zone distance entropy");
        add(m, "ngt", "ngt.coarseness", "QCDE", "Coarseness");
        add(m, "ngt", "ngt.contrast", "65HE", "Contrast");
        add(m, "ngt", "ngt.busyness", "NQ30", "Busyness");
        add(m, "ngt", "ngt.complexity", "HDEZ", "Complexity");
        add(m, "ngt", "ngt.strength", "1X9X", "Strength");
        add(m, "ngl", "ngl.lde", "SODN", "Low dependence emphasis");
        add(m, "ngl", "ngl.hde", "IMOQ", "High dependence emphasis");
        add(m, "ngl", "ngl.lgce", "TL9H", "Low grey level count emphasis");
        add(m, "ngl", "ngl.hgce", "OAE7", "High grey level count emphasis");
        add(m, "ngl", "ngl.ldlge", "EQ3F", "Low dependence low grey level emphasis");
        add(m, "ngl", "ngl.ldhge", "JA6D", "Low dependence high grey level emphasis");
        add(m, "ngl", "ngl.hdlge", "NBZI", "High dependence low grey level emphasis");
        add(m, "ngl", "ngl.hdhge", "9QMG", "High dependence high grey level emphasis");
        add(m, "ngl", "ngl.glnu", "FP8K", "Grey level non-uniformity");
        add(m, "ngl", "ngl.glnu.norm", "5SPA", "Normalised grey level non-uniformity");
        add(m, "ngl", "ngl.dcnu", "Z87G", "Dependence count non-uniformity");
        add(m, "ngl", "ngl.dcnu.norm", "OKJI", "Normalised dependence count non-uniformity");
        add(m, "ngl", "ngl.dc.perc", "6XV8", "Dependence count percentage");
        add(m, "ngl", "ngl.gl.var", "1PFV", "Grey level variance");
        add(m, "ngl", "ngl.dc.var", "DNX2", "Dependence count variance");
        add(m, "ngl", "ngl.dc.entr", "FCBV", "Dependence count entropy");
        add(m, "ngl", "ngl.dc.energy", "CAS9", "Dependence count energy");
        return java.util.Collections.unmodifiableMap(m);
    }
}
