package org.painlab.literature.ui.internal.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.painlab.literature.Author;
import org.painlab.literature.Reference;
import org.painlab.literature.ReferenceType;

/**
 * Every field of a reference in both languages, editable, for the reference editor and the "Paste
 * a Page" dialog. Fields the reader guessed are marked: "(guessed)" after the label and a pale
 * yellow box; the mark goes when the user changes the field (a person then vouches for it).
 * Authors are one per line, "Family, Given | affiliation | affiliation"; keywords are separated by
 * semicolons.
 */
public final class ReferenceForm {
    /** Field names as in {@code lit parse-text --json} and {@link Reference#guessed()}. */
    public static final List<String> FIELDS = List.of("key", "type", "language", "year", "title", "title_zh", "authors", "journal",
            "volume", "issue", "pages", "doi", "pmid", "url", "keywords", "keywords_zh", "abstract", "abstract_zh");
    private static final Set<String> MULTI_LINE = Set.of("authors", "abstract", "abstract_zh");
    /** Fields given the whole width of the form (three columns after the label). */
    private static final Set<String> WIDE = Set.of("title", "title_zh", "authors", "journal", "keywords", "keywords_zh",
            "abstract", "abstract_zh");

    private final Composite body;
    private final Map<String, Text> texts = new LinkedHashMap<>();
    private final Map<String, Label> labels = new LinkedHashMap<>();
    private final Combo type;
    private final Color guessedColor;
    private final Set<String> guessed = new LinkedHashSet<>();
    private final Map<String, String> shown = new LinkedHashMap<>();
    private boolean filling;

    public ReferenceForm(Composite parent) {
        body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(4, false));
        guessedColor = new Color(new RGB(255, 246, 196));
        type = new Combo(parentFor("type"), SWT.READ_ONLY);
        for (ReferenceType t : ReferenceType.values()) {
            type.add(t.csl());
        }
        type.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        for (String f : FIELDS) {
            if (f.equals("type")) {
                continue;
            }
            Composite p = parentFor(f);
            boolean multi = MULTI_LINE.contains(f);
            Text t = new Text(p, SWT.BORDER | (multi ? SWT.MULTI | SWT.WRAP | SWT.V_SCROLL : SWT.SINGLE) | (f.equals("key") ? SWT.READ_ONLY : 0));
            GridData gd = new GridData(SWT.FILL, multi ? SWT.FILL : SWT.CENTER, true, multi);
            gd.horizontalSpan = WIDE.contains(f) ? 3 : 1;
            gd.widthHint = 120;
            if (multi) {
                gd.heightHint = f.equals("authors") ? 48 : 70;
            }
            t.setLayoutData(gd);
            t.addModifyListener(e -> unmarkChanged(f));
            texts.put(f, t);
        }
    }

    /** Creates the label of {@code field} and returns the composite its input goes in. */
    private Composite parentFor(String field) {
        Label l = new Label(body, SWT.NONE);
        l.setText(label(field));
        l.setLayoutData(new GridData(SWT.LEFT, MULTI_LINE.contains(field) ? SWT.TOP : SWT.CENTER, false, false));
        labels.put(field, l);
        return body;
    }

    /** The form's control, to lay it out (four columns: label, input, label, input). */
    public Composite control() {
        return body;
    }

    private static String label(String field) {
        return switch (field) {
            case "title_zh" -> "Title (中文)";
            case "abstract_zh" -> "Abstract (中文)";
            case "keywords_zh" -> "Keywords (中文)";
            case "pmid" -> "PMID";
            case "doi" -> "DOI";
            case "url" -> "URL";
            default -> Character.toUpperCase(field.charAt(0)) + field.substring(1);
        };
    }

    /** Shows {@code r} (its guessed fields marked). */
    public void set(Reference r) {
        filling = true;
        try {
            guessed.clear();
            guessed.addAll(r.guessed());
            type.setText(r.type().csl());
            Map<String, String> v = values(r);
            shown.clear();
            shown.putAll(v);
            v.forEach((f, s) -> texts.get(f).setText(s));
        } finally {
            filling = false;
        }
        marks();
    }

    /** The text of field {@code name} as shown. */
    public String text(String name) {
        return name.equals("type") ? type.getText() : texts.get(name).getText();
    }

    /** Types into field {@code name}, as the user would. */
    public void setText(String name, String value) {
        texts.get(name).setText(value);
    }

    /** Fields still marked as guessed. */
    public Set<String> guessed() {
        return Set.copyOf(guessed);
    }

    /** Whether the label of {@code field} says it was guessed. */
    public boolean markedGuessed(String field) {
        return labels.get(field).getText().endsWith("(guessed)");
    }

    /**
     * The reference as the form shows it.
     *
     * @throws IllegalArgumentException naming the field when the year is not a number
     */
    public Reference get() {
        Reference.Builder b = Reference.builder().key(text("key")).type(ReferenceType.ofCsl(type.getText()))
                .language(text("language")).title(text("title")).titleZh(text("title_zh")).journal(text("journal"))
                .volume(text("volume")).issue(text("issue")).pages(text("pages")).doi(text("doi")).pmid(text("pmid"))
                .url(text("url")).abstractText(text("abstract")).abstractZh(text("abstract_zh"));
        String year = text("year").strip();
        if (!year.isEmpty()) {
            try {
                b.year(Integer.valueOf(year));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Year: '" + year + "' is not a year");
            }
        }
        for (String k : text("keywords").split(";")) {
            b.keyword(k);
        }
        for (String k : text("keywords_zh").split("[;；]")) {
            b.keywordZh(k);
        }
        for (String line : text("authors").split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|");
            List<String> aff = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                if (!parts[i].isBlank()) {
                    aff.add(parts[i].strip());
                }
            }
            b.author(Author.parse(parts[0], aff));
        }
        guessed.forEach(b::guessed);
        return b.build();
    }

    private static Map<String, String> values(Reference r) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("key", nz(r.key()));
        v.put("language", nz(r.language()));
        v.put("title", nz(r.title()));
        v.put("title_zh", nz(r.titleZh()));
        StringBuilder authors = new StringBuilder();
        for (Author a : r.authors()) {
            authors.append(authors.length() > 0 ? "\n" : "").append(a.display());
            a.affiliations().forEach(x -> authors.append(" | ").append(x));
        }
        v.put("authors", authors.toString());
        v.put("journal", nz(r.journal()));
        v.put("year", r.year() == null ? "" : r.year().toString());
        v.put("volume", nz(r.volume()));
        v.put("issue", nz(r.issue()));
        v.put("pages", nz(r.pages()));
        v.put("doi", nz(r.doi()));
        v.put("pmid", nz(r.pmid()));
        v.put("url", nz(r.url()));
        v.put("keywords", String.join("; ", r.keywords()));
        v.put("keywords_zh", String.join("; ", r.keywordsZh()));
        v.put("abstract", nz(r.abstractText()));
        v.put("abstract_zh", nz(r.abstractZh()));
        return v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void unmarkChanged(String field) {
        if (!filling && guessed.contains(field) && !Objects.equals(shown.get(field), texts.get(field).getText())) {
            guessed.remove(field);
            marks();
        }
    }

    private void marks() {
        labels.forEach((f, l) -> {
            boolean g = guessed.contains(f);
            l.setText(label(f) + (g ? " (guessed)" : ""));
            if (texts.containsKey(f)) {
                texts.get(f).setBackground(g ? guessedColor : null);
            }
        });
        body.layout(true, true);
    }
}
