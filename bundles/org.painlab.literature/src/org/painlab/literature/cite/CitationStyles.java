package org.painlab.literature.cite;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.painlab.literature.LiteratureException;

/**
 * The CSL styles and locales shipped with the workbench: read from the {@code org.citationstyles}
 * styles and locales jars (Maven Central, wrapped as bundles in the target platform), never fetched
 * at run time. A style is named by its CSL file name ({@code apa}, {@code pain},
 * {@code china-national-standard-gb-t-7714-2015-numeric}, any of the repository's independent
 * styles) or by one of the short names in {@link #SHORT_NAMES}.
 *
 * @since 0.1
 */
public final class CitationStyles {
    /** Short names for the styles a pain lab uses most, to their CSL file names. */
    public static final Map<String, String> SHORT_NAMES;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pain", "pain");
        m.put("ama", "american-medical-association");
        m.put("vancouver", "nlm-citation-sequence");
        m.put("apa", "apa");
        m.put("gbt7714", "china-national-standard-gb-t-7714-2015-numeric");
        m.put("gb-t-7714", "china-national-standard-gb-t-7714-2015-numeric");
        SHORT_NAMES = Map.copyOf(m);
    }

    private static final String STYLES_BUNDLE = "org.citationstyles.styles";
    private static final String LOCALES_BUNDLE = "org.citationstyles.locales";

    /** The CSL file name a style name or short name stands for. */
    public String fileName(String style) {
        String s = style.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith(".csl")) {
            s = s.substring(0, s.length() - 4);
        }
        return SHORT_NAMES.getOrDefault(s, s);
    }

    /**
     * @param style a style name or short name
     * @return the style's CSL XML
     * @throws LiteratureException when no such style is shipped, or it is a dependent style
     */
    public String style(String style) throws LiteratureException {
        String name = fileName(style);
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new LiteratureException("style '" + style + "': a style name has only letters, digits and '-'");
        }
        String xml = read(STYLES_BUNDLE, name + ".csl");
        if (xml == null) {
            if (read(STYLES_BUNDLE, "dependent/" + name + ".csl") != null) {
                throw new LiteratureException("style '" + style + "' is a dependent style (it only renames another); "
                        + "use its parent style named in dependent/" + name + ".csl");
            }
            throw new LiteratureException("no CSL style '" + style + "' is shipped (short names: "
                    + String.join(", ", new java.util.TreeSet<>(SHORT_NAMES.keySet())) + "; or a file name of the CSL styles repository)");
        }
        return xml;
    }

    /**
     * @param tag a locale tag as CSL names it ("zh-CN", "en-US")
     * @return the CSL locale XML, or null when none is shipped
     */
    public String locale(String tag) {
        try {
            return read(LOCALES_BUNDLE, "locales-" + tag + ".xml");
        } catch (LiteratureException e) {
            return null;
        }
    }

    private static String read(String bundleName, String entry) throws LiteratureException {
        URL url = find(bundleName, entry);
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LiteratureException("cannot read " + entry + " from " + bundleName + ": " + e.getMessage(), e);
        }
    }

    /** The entry from the styles/locales bundle; outside OSGi (plain class path) from the class loader. */
    private static URL find(String bundleName, String entry) {
        Bundle own = FrameworkUtil.getBundle(CitationStyles.class);
        if (own != null && own.getBundleContext() != null) {
            for (Bundle b : own.getBundleContext().getBundles()) {
                if (bundleName.equals(b.getSymbolicName())) {
                    URL u = b.getEntry(entry);
                    if (u != null) {
                        return u;
                    }
                }
            }
            return null;
        }
        return CitationStyles.class.getClassLoader().getResource(entry);
    }
}
