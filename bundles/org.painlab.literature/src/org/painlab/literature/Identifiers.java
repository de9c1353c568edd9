package org.painlab.literature;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normal forms of what identifies a work: a DOI without resolver prefix and in lower case, a title
 * reduced to its letters and digits (any script) for duplicate detection, and whether text is Chinese.
 *
 * @since 0.1
 */
public final class Identifiers {
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/[^\\s\"<>]+");

    private Identifiers() {
    }

    /** The DOI found in {@code text} ("https://doi.org/10.1/X.", "DOI: 10.1/x"), lower case, trailing punctuation removed; null if none. */
    public static String doi(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DOI.matcher(text);
        if (!m.find()) {
            return null;
        }
        String d = m.group();
        while (!d.isEmpty() && ".,;:)]}。，；".indexOf(d.charAt(d.length() - 1)) >= 0) {
            d = d.substring(0, d.length() - 1);
        }
        return d.toLowerCase(Locale.ROOT);
    }

    /** A title's letters and digits in lower case (width-normalised), for comparing titles; empty for null. */
    public static String normalisedTitle(String title) {
        if (title == null) {
            return "";
        }
        String t = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(t.length());
        t.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** True when {@code text} has Han characters (so it is Chinese text, or a Chinese name). */
    public static boolean hasHan(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Han characters as a share of the letters in {@code text} (0 for none). */
    public static double hanShare(String text) {
        if (text == null) {
            return 0;
        }
        long letters = text.codePoints().filter(Character::isLetter).count();
        long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return letters == 0 ? 0 : (double) han / letters;
    }
}
