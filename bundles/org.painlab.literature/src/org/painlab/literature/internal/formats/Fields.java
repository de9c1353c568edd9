package org.painlab.literature.internal.formats;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.painlab.literature.Identifiers;
import org.painlab.literature.Reference;

/** Shared steps of the readers: which language a title is in, a year out of a date, a language code. */
public final class Fields {
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[89]\\d\\d|20\\d\\d)(?!\\d)");

    private Fields() {
    }

    /** Sets {@code text} as the Chinese title when it is mostly Han characters, else as the English one. */
    public static void title(Reference.Builder b, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (Identifiers.hanShare(text) > 0.3) {
            b.titleZh(text);
        } else {
            b.title(text);
        }
    }

    public static void abstractText(Reference.Builder b, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (Identifiers.hanShare(text) > 0.3) {
            b.abstractZh(text);
        } else {
            b.abstractText(text);
        }
    }

    public static void keyword(Reference.Builder b, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (Identifiers.hasHan(text)) {
            b.keywordZh(text);
        } else {
            b.keyword(text);
        }
    }

    /**
     * Keywords of one field: split at semicolons when there is any (so "Pain, postoperative" stays one
     * term), else at commas.
     */
    public static java.util.List<String> keywordList(String v) {
        String[] parts = v.matches("(?s).*[;；].*") ? v.split("[;；]") : v.split("[,，]");
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String p : parts) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** The first plausible year (1800-2099) in a date, or null. */
    public static Integer year(String date) {
        if (date == null) {
            return null;
        }
        Matcher m = YEAR.matcher(date);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** "chi", "zh-CN", "Chinese", "中文" → zh; "eng", "en", "English" → en; others lower-cased as given. */
    public static String language(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        if (c.startsWith("chi") || c.startsWith("zh") || c.startsWith("zho") || c.contains("中文") || c.equals("cn")) {
            return "zh";
        }
        if (c.startsWith("en")) {
            return "en";
        }
        return c;
    }

    /**
     * Sets the language from the titles when the source gave none: Chinese when there is a Chinese
     * title, English when there is only an English one; marked as guessed.
     */
    public static void languageFromTitles(Reference.Builder b) {
        if (b.language() != null) {
            return;
        }
        if (b.titleZh() != null) {
            b.language("zh").guessed("language");
        } else if (b.title() != null) {
            b.language("en").guessed("language");
        }
    }
}
