package org.painlab.literature.ui.internal.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.HTMLTransfer;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.literature.LibrarySearch;
import org.painlab.literature.LiteratureException;
import org.painlab.literature.LiteratureIndex;
import org.painlab.literature.LiteratureStore;
import org.painlab.literature.Reference;
import org.painlab.literature.SearchFilter;
import org.painlab.literature.SearchHit;
import org.painlab.literature.TagStore;
import org.painlab.literature.cite.CitationOutput;
import org.painlab.literature.cite.Citations;
import org.painlab.literature.cite.FormattedCitations;
import org.painlab.literature.ui.internal.Highlighted;
import org.painlab.literature.ui.internal.LibraryRow;

/**
 * The study's references on the workbench grid (key, authors, year, title in the reference's
 * language, journal, tags; the grid's filter row, sorting and export of what is shown), a search
 * box over references and notes with year, journal, language and tag filters, and the matching
 * passages with the matched words in bold. Selecting a reference shows it in the Reference
 * editor, its notes in Notes and its links in Links. Copy Citation / Copy Bibliography put the
 * selected references, formatted in the chosen style, on the clipboard.
 */
public final class LibraryView extends ViewPart {
    public static final String ID = "org.painlab.literature.ui.library";
    /** Family of the library's load and search jobs. */
    public static final Object JOB_FAMILY = new Object();
    private static final String ANY = "(any)";

    private DataGrid<LibraryRow> grid;
    private Text query;
    private Text yearFrom;
    private Text yearTo;
    private Text journal;
    private Combo language;
    private Combo tag;
    private Label status;
    private Combo style;
    /** Short style names, as lit cite takes them, and what the Style box shows for each. */
    private static final List<String> STYLES = List.of("vancouver", "ama", "apa", "pain", "gbt7714");
    private static final List<String> STYLE_LABELS = List.of("Vancouver", "AMA", "APA", "PAIN", "GB/T 7714");
    private StyledText hits;
    private Study study;
    private List<LibraryRow> all = List.of();
    private List<SearchHit> lastHits = List.of();
    private List<LibraryRow> selection = List.of();
    /** The references of the collection chosen in Collections, or null for the whole library. */
    private java.util.Set<String> collection;
    private String collectionName;
    private final OpenStudies.Listener studyListener = s -> studyChanged();
    private final ISchedulingRule rule = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule other) {
            return other == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule other) {
            return other == this;
        }
    };
    /** Counts reloads and searches (UI thread), so that only the latest one's outcome is shown. */
    private volatile int loads;
    private volatile int searches;

    @Override
    public void createPartControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(c, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setLayout(new GridLayout(3, false));
        query = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        query.setMessage("Search references and notes (中文, English, VAS...)");
        query.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        query.addListener(SWT.DefaultSelection, e -> search());
        Button go = new Button(bar, SWT.PUSH);
        go.setText("Search");
        go.addListener(SWT.Selection, e -> search());
        Button paste = new Button(bar, SWT.PUSH);
        paste.setText("Paste a Page...");
        paste.addListener(SWT.Selection, e -> new org.painlab.literature.ui.internal.handlers.PastePageHandler().open(getSite().getShell()));
        Composite filters = new Composite(c, SWT.NONE);
        filters.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filters.setLayout(new GridLayout(10, false));
        yearFrom = labelled(filters, "Years", 44);
        yearTo = labelled(filters, "–", 44);
        journal = labelled(filters, "Journal", 130);
        new Label(filters, SWT.NONE).setText("Language");
        language = new Combo(filters, SWT.READ_ONLY);
        language.setItems(ANY, "en", "zh");
        language.select(0);
        language.addListener(SWT.Selection, e -> search());
        new Label(filters, SWT.NONE).setText("Tag");
        tag = new Combo(filters, SWT.READ_ONLY);
        tag.setItems(ANY);
        tag.select(0);
        tag.addListener(SWT.Selection, e -> search());

        SashForm sash = new SashForm(c, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite top = new Composite(sash, SWT.NONE);
        top.setLayout(new GridLayout(1, false));
        grid = DataGrid.<LibraryRow>builder().name("Library")
                .column(ColumnSpec.text("key", "Key", LibraryRow::key))
                .column(ColumnSpec.text("authors", "Authors", LibraryRow::authors))
                .column(ColumnSpec.number("year", "Year", r -> r.reference().year()))
                .column(ColumnSpec.text("title", "Title", LibraryRow::title))
                .column(ColumnSpec.text("journal", "Journal", r -> r.reference().journal() == null ? "" : r.reference().journal()))
                .column(ColumnSpec.text("tags", "Tags", LibraryRow::tagText))
                .width("key", 90).width("authors", 110).width("year", 50).width("title", 330).width("journal", 140).width("tags", 110)
                .onSelection(this::selected)
                .build(top);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        // the status on its own line: a copied citation or a search summary must not be cut by the buttons
        status = new Label(top, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Composite under = new Composite(top, SWT.NONE);
        under.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout ul = new GridLayout(4, false);
        ul.marginWidth = 0;
        ul.marginHeight = 0;
        under.setLayout(ul);
        new Label(under, SWT.NONE).setText("Cite the selection in");
        style = new Combo(under, SWT.READ_ONLY);
        style.setItems(STYLE_LABELS.toArray(String[]::new));
        style.select(0);
        style.setToolTipText("Citation style of Copy Citation and Copy Bibliography");
        Button copyCitation = new Button(under, SWT.PUSH);
        copyCitation.setText("Copy Citation");
        copyCitation.setToolTipText("Copy the in-text citation of the selected references (e.g. [1,2])");
        copyCitation.addListener(SWT.Selection, e -> copy(false));
        Button copyBibliography = new Button(under, SWT.PUSH);
        copyBibliography.setText("Copy Bibliography");
        copyBibliography.setToolTipText("Copy the bibliography entries of the selected references, as text and as formatted HTML");
        copyBibliography.addListener(SWT.Selection, e -> copy(true));
        hits = new StyledText(sash, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        hits.setMargins(6, 6, 6, 6);
        sash.setWeights(70, 30);
        Workbench.studies().addListener(studyListener);
        studyChanged();
    }

    private static Text labelled(Composite bar, String label, int width) {
        new Label(bar, SWT.NONE).setText(label);
        Text t = new Text(bar, SWT.BORDER);
        GridData gd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        gd.widthHint = width;
        t.setLayoutData(gd);
        return t;
    }

    /** Another study selected, or the open studies' data changed (an import, an edit elsewhere): read again. */
    private void studyChanged() {
        Optional<Study> s = Workbench.study();
        study = s.orElse(null);
        reload();
    }

    /** Reads the study's references and tags again (in a job) and runs the current search over them. */
    public Job reload() {
        Study s = study;
        int generation = ++loads;
        Display display = grid.control().getDisplay();
        return schedule("Reading the library", () -> {
            List<LibraryRow> rows;
            List<String> tagNames;
            Exception failure = null;
            try {
                rows = s == null ? List.of() : rows(s);
                tagNames = s == null ? List.of() : List.copyOf(new TagStore(s, null).counts().keySet());
            } catch (StudyException e) {
                rows = List.of();
                tagNames = List.of();
                failure = e;
            }
            List<LibraryRow> read = rows;
            List<String> readTags = tagNames;
            Exception failed = failure;
            display.asyncExec(() -> {
                // a later reload (another study, another change) wins over this one
                if (status.isDisposed() || generation != loads) {
                    return;
                }
                all = read;
                status.setText(failed != null ? "Cannot read the library: " + failed.getMessage()
                        : study == null ? "Open a study to see its references." : all.size() + " references");
                showTags(readTags);
                search();
            });
        });
    }

    /**
     * Runs {@code work} in a job of this view's family. The jobs share one rule, so a search
     * never overtakes the reading it depends on.
     */
    private Job schedule(String name, Runnable work) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                work.run();
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job.setRule(rule);
        job.schedule();
        return job;
    }

    private static List<LibraryRow> rows(Study s) throws StudyException {
        Map<String, List<String>> tags = new TagStore(s, null).all().getOrDefault(TagStore.REFERENCE, Map.of());
        List<LibraryRow> out = new ArrayList<>();
        for (Reference r : new LiteratureStore(s, null).list()) {
            out.add(new LibraryRow(r, tags.getOrDefault(r.key(), List.of())));
        }
        return out;
    }

    /** The tag filter's choices: any, then the study's tags (read with the references, off the UI thread). */
    private void showTags(List<String> tags) {
        String chosen = tag.getText();
        List<String> items = new ArrayList<>(List.of(ANY));
        items.addAll(tags);
        tag.setItems(items.toArray(String[]::new));
        tag.select(Math.max(0, items.indexOf(chosen)));
        tag.getParent().layout();
    }

    /** The filter the search fields describe; throws naming the field that is not a year. */
    private SearchFilter filter() {
        return new SearchFilter(year(yearFrom, "Years from"), year(yearTo, "Years to"),
                journal.getText().isBlank() ? null : journal.getText().strip(),
                language.getSelectionIndex() <= 0 ? null : language.getText(),
                tag.getSelectionIndex() <= 0 ? null : tag.getText());
    }

    private static Integer year(Text t, String what) {
        String s = t.getText().strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + s + "' is not a year");
        }
    }

    /** Sets the search fields and searches, as the user would. */
    public Job search(String text, SearchFilter f) {
        query.setText(text == null ? "" : text);
        yearFrom.setText(f.yearFrom() == null ? "" : f.yearFrom().toString());
        yearTo.setText(f.yearTo() == null ? "" : f.yearTo().toString());
        journal.setText(f.journal() == null ? "" : f.journal());
        language.select(f.language() == null ? 0 : Math.max(0, List.of(language.getItems()).indexOf(f.language())));
        tag.select(f.tag() == null ? 0 : Math.max(0, List.of(tag.getItems()).indexOf(f.tag())));
        return search();
    }

    /** Runs the search in a job; an empty query with no filter shows the whole library. */
    public Job search() {
        SearchFilter f;
        try {
            f = filter();
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return null;
        }
        String text = query.getText().strip();
        Study s = study;
        boolean none = text.isEmpty() && f.equals(SearchFilter.none());
        java.util.Set<String> only = collection;
        String in = collectionName == null ? "" : " in " + collectionName;
        if (s == null || none) {
            searches++;
            List<LibraryRow> rows = all.stream().filter(r -> only == null || only.contains(r.key())).toList();
            grid.setRows(rows);
            lastHits = List.of();
            showHits(List.of());
            status.setText(s == null ? "Open a study to see its references." : rows.size() + " references" + in);
            return null;
        }
        Display display = query.getDisplay();
        Map<String, LibraryRow> byKey = new LinkedHashMap<>();
        all.forEach(r -> byKey.put(r.key(), r));
        int generation = ++searches;
        return schedule("Searching the library", () -> {
            try (LiteratureIndex index = new LibrarySearch(s).open()) {
                // a filter without words lists everything it lets through
                String q = text.isEmpty() ? "*:*" : text;
                long total = index.count(q, f);
                List<SearchHit> found = index.search(q, f, 500);
                List<LibraryRow> rows = found.stream().filter(h -> SearchHit.REFERENCE.equals(h.kind()))
                        .map(h -> byKey.get(h.key())).filter(java.util.Objects::nonNull)
                        .filter(r -> only == null || only.contains(r.key())).toList();
                if (generation != searches) {
                    return;
                }
                grid.setRows(rows);
                display.asyncExec(() -> {
                    if (hits.isDisposed() || generation != searches) {
                        return;
                    }
                    lastHits = found;
                    showHits(found);
                    long notes = found.stream().filter(h -> SearchHit.NOTE.equals(h.kind())).count();
                    status.setText(total + " match" + (text.isEmpty() ? "" : " \"" + text + "\"") + ": "
                            + rows.size() + " references" + in + ", " + notes + " notes");
                });
            } catch (LiteratureException | StudyException e) {
                display.asyncExec(() -> {
                    if (!status.isDisposed()) {
                        status.setText("Search failed: " + e.getMessage());
                    }
                });
            }
        });
    }

    /** One block per hit: its key and title, then each matching passage with the matched words bold. */
    private void showHits(List<SearchHit> found) {
        StringBuilder text = new StringBuilder();
        List<StyleRange> ranges = new ArrayList<>();
        for (SearchHit h : found) {
            int start = text.length();
            String title = h.titleZh() != null && h.title() == null ? h.titleZh() : h.title() != null ? h.title() : "";
            text.append(SearchHit.NOTE.equals(h.kind()) ? "Note " : "").append(h.key()).append("  ");
            ranges.add(new StyleRange(start, text.length() - start, null, null, SWT.BOLD));
            text.append(Highlighted.of(title).text()).append('\n');
            for (var e : h.highlights().entrySet()) {
                text.append("    ").append(e.getKey()).append(": ");
                Highlighted p = Highlighted.of(e.getValue().replace('\n', ' '));
                int base = text.length();
                text.append(p.text()).append('\n');
                for (int[] r : p.ranges()) {
                    StyleRange sr = new StyleRange(base + r[0], r[1], null, null, SWT.BOLD);
                    sr.background = hits.getDisplay().getSystemColor(SWT.COLOR_YELLOW);
                    ranges.add(sr);
                }
            }
        }
        hits.setText(text.toString());
        hits.setStyleRanges(ranges.toArray(StyleRange[]::new));
    }

    /**
     * Shows only the references with {@code keys} (a collection's, named {@code name}); null shows
     * the whole library. The search and filters apply within them.
     */
    public Job restrictTo(String name, java.util.Set<String> keys) {
        collection = keys == null ? null : java.util.Set.copyOf(keys);
        collectionName = keys == null ? null : name;
        return search();
    }

    /**
     * Formats the selected references (in the grid's order) in the chosen style and puts the in-text
     * citation, or the bibliography, on the clipboard: plain text, and HTML (italics as the style asks)
     * for word processors.
     *
     * @param bibliography true for the bibliography entries, false for the in-text citation
     * @return the text copied, or null (the status line says why)
     */
    public String copy(boolean bibliography) {
        List<Reference> refs = new ArrayList<>();
        java.util.Set<String> selected = new java.util.HashSet<>();
        selection.forEach(r -> selected.add(r.key()));
        for (int i = 0; i < grid.shownRowCount() && refs.size() < selected.size(); i++) {
            LibraryRow r = grid.shownRow(i);
            if (selected.contains(r.key())) {
                refs.add(r.reference());
            }
        }
        if (refs.isEmpty()) {
            status.setText("Select the references to cite first.");
            return null;
        }
        String chosen = styleName();
        try {
            Citations citations = new Citations();
            FormattedCitations text = citations.format(refs, chosen, CitationOutput.TEXT);
            FormattedCitations html = citations.format(refs, chosen, CitationOutput.HTML);
            String plain = bibliography ? String.join(System.lineSeparator(), text.entries()) : text.citation();
            String formatted = bibliography ? String.join("\n", html.entries()) : html.citation();
            Clipboard clipboard = new Clipboard(grid.control().getDisplay());
            try {
                clipboard.setContents(new Object[] { plain, formatted },
                        new Transfer[] { TextTransfer.getInstance(), HTMLTransfer.getInstance() });
            } finally {
                clipboard.dispose();
            }
            // '&' (APA's "Wang & Smith") is a mnemonic marker in a Label: doubled to show as itself
            status.setText(("Copied " + (bibliography ? "the bibliography of " : "the citation of ") + refs.size()
                    + " references (" + STYLE_LABELS.get(STYLES.indexOf(chosen)) + "): "
                    + (bibliography ? text.entries().get(0) : plain)).replace("&", "&&"));
            return plain;
        } catch (LiteratureException e) {
            status.setText("Cannot cite: " + e.getMessage());
            return null;
        }
    }

    /** @return the short name of the style chosen in the Style box */
    public String styleName() {
        return STYLES.get(Math.max(0, style.getSelectionIndex()));
    }

    /** Chooses a style by its short name (vancouver, ama, apa, pain, gbt7714), as the user would. */
    public void chooseStyle(String shortName) {
        style.select(Math.max(0, STYLES.indexOf(shortName)));
    }

    /** The references selected in the grid. */
    public List<LibraryRow> selection() {
        return selection;
    }

    private void selected(List<LibraryRow> rows) {
        selection = List.copyOf(rows);
        if (rows.size() != 1 || study == null) {
            return;
        }
        Reference r = rows.get(0).reference();
        var page = getSite().getPage();
        Workbench.view(page, ReferenceEditorView.ID, ReferenceEditorView.class).ifPresent(v -> v.show(study, r));
        Workbench.view(page, NotesView.ID, NotesView.class).ifPresent(v -> v.showReference(study, r.key()));
        Workbench.view(page, LinksView.ID, LinksView.class).ifPresent(v -> v.show(study, "reference", r.key()));
    }

    public DataGrid<LibraryRow> grid() {
        return grid;
    }

    /** The search results panel (passages with the matched words bold on yellow). */
    public StyledText hits() {
        return hits;
    }

    /** The hits of the last search (references and notes). */
    public List<SearchHit> lastHits() {
        return lastHits;
    }

    public String status() {
        return status.getText();
    }

    @Override
    public void setFocus() {
        query.setFocus();
    }

    @Override
    public void dispose() {
        Workbench.studies().removeListener(studyListener);
        super.dispose();
    }
}
