package org.painlab.literature.internal.formats;

import org.painlab.literature.Reference;

/** Shared steps of the writers: which title and abstract are the reference's own and which are the translation. */
final class Writing {
    private Writing() {
    }

    static boolean chinese(Reference r) {
        return r.language() != null ? r.language().startsWith("zh") : r.title() == null;
    }

    /** The title in the reference's own language (the other one when that is missing). */
    static String ownTitle(Reference r) {
        return chinese(r) ? first(r.titleZh(), r.title()) : first(r.title(), r.titleZh());
    }

    /** The title in the other language, or null when there is only one title. */
    static String otherTitle(Reference r) {
        if (r.title() == null || r.titleZh() == null) {
            return null;
        }
        return chinese(r) ? r.title() : r.titleZh();
    }

    /** One line: formats that join continuation lines with a space keep no line breaks. */
    static String oneLine(String s) {
        return s == null ? null : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
