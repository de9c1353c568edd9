package org.painlab.literature.internal.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A pasted page cut into labelled sections: the text is cleaned of layout noise (tabs, no-break and
 * full-width spaces, runs of blank lines), then each line starting with a {@link Label} opens a
 * section that runs to the next label. Lines before the first label are kept as the page's head;
 * everything after a {@link Label#STOP} label (lists of citing or similar works) is dropped. The
 * first section of each label wins: a page repeats labels in its lists of other works.
 */
final class PastedPage {
    private static final java.util.Set<Label> SINGLE_LINE = java.util.EnumSet.of(Label.DOI, Label.PMID, Label.YEAR,
            Label.VOLUME, Label.ISSUE, Label.PAGES);
    final List<String> head = new ArrayList<>();
    final Map<Label, List<String>> sections = new EnumMap<>(Label.class);
    /** Every line outside the dropped lists, for patterns sought anywhere (PubMed's citation line). */
    final List<String> kept = new ArrayList<>();

    static PastedPage of(String text) {
        PastedPage p = new PastedPage();
        String t = Normalizer.normalize(text, Normalizer.Form.NFC).replace('\u00a0', ' ').replace('\u3000', ' ')
                .replace("\ufeff", "").replace('\t', ' ');
        List<String> current = p.head;
        boolean stopped = false;
        boolean lastBlank = false;
        for (String raw : t.split("\r\n|\r|\n")) {
            String line = raw.replaceAll(" {2,}", " ").strip();
            if (line.isEmpty()) {
                if (!lastBlank && !stopped) {
                    current.add("");
                }
                lastBlank = true;
                continue;
            }
            lastBlank = false;
            Label.Hit hit = Label.find(line);
            if (hit != null && hit.label() == Label.STOP) {
                stopped = true;
                continue;
            }
            if (hit == null && (line.startsWith("Copyright") || line.startsWith("©"))) {
                // a copyright line ends the abstract it follows
                current = new ArrayList<>();
                continue;
            }
            if (hit != null && SINGLE_LINE.contains(hit.label()) && !hit.rest().isEmpty()) {
                // "doi: 10..." or "PMID: 123" inside a block: the lines after it still belong to the block
                p.sections.putIfAbsent(hit.label(), new ArrayList<>(List.of(hit.rest())));
                p.kept.add(line);
                if (current == p.head) {
                    p.head.add(line);
                }
                continue;
            }
            if (hit != null) {
                stopped = false;
                if (p.sections.containsKey(hit.label())) {
                    // a second "Keywords" or "DOI" belongs to a listed work, not this one
                    current = new ArrayList<>();
                } else {
                    current = new ArrayList<>();
                    p.sections.put(hit.label(), current);
                }
                if (!hit.rest().isEmpty()) {
                    current.add(hit.rest());
                }
                p.kept.add(line);
                continue;
            }
            if (!stopped) {
                current.add(line);
                p.kept.add(line);
            }
        }
        return p;
    }

    boolean has(Label l) {
        return sections.containsKey(l) && !text(l).isEmpty();
    }

    /** The section's lines joined by one space, blank lines dropped. */
    String text(Label l) {
        List<String> lines = sections.get(l);
        if (lines == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        lines.stream().filter(s -> !s.isBlank()).forEach(s -> append(b, s));
        return b.toString().strip();
    }

    /** Appends a wrapped line: Chinese text joins without a space, other text with one. */
    static void append(StringBuilder b, String line) {
        if (b.length() > 0 && !(isCjk(b.codePointBefore(b.length())) && isCjk(line.codePointAt(0)))) {
            b.append(' ');
        }
        b.append(line);
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
    }

    /** The section's first non-blank line. */
    String firstLine(Label l) {
        List<String> lines = sections.get(l);
        if (lines == null) {
            return "";
        }
        return lines.stream().filter(s -> !s.isBlank()).findFirst().orElse("");
    }

    /** The section's paragraphs (runs of lines between blank lines), each joined by spaces. */
    List<String> paragraphs(Label l) {
        List<String> out = new ArrayList<>();
        List<String> lines = sections.get(l);
        if (lines == null) {
            return out;
        }
        StringBuilder b = new StringBuilder();
        for (String s : lines) {
            if (s.isBlank()) {
                if (b.length() > 0) {
                    out.add(b.toString().strip());
                    b.setLength(0);
                }
            } else {
                append(b, s);
            }
        }
        if (b.length() > 0) {
            out.add(b.toString().strip());
        }
        return out;
    }
}
