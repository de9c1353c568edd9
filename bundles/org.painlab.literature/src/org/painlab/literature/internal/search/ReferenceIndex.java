package org.painlab.literature.internal.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.painlab.literature.Author;
import org.painlab.literature.LibraryExtras;
import org.painlab.literature.Reference;
import org.painlab.literature.SearchFilter;
import org.painlab.literature.SearchHit;

/**
 * The Lucene index behind {@link org.painlab.literature.LiteratureIndex}. Each text is indexed three
 * times: English fields with the English analyzer (stemming), Chinese fields with smartcn (word
 * segmentation), and one {@code exact} field with the standard tokenizer and no stop words or
 * stemming, where "VAS" and "ODI" stay findable as written (in Chinese text too: "（VAS）").
 */
public final class ReferenceIndex {
    private static final String VERSION = "painlab.version";
    private static final String[] SEARCHED = {"title_en", "abstract_en", "keywords_en", "title_zh", "abstract_zh", "keywords_zh",
            "authors", "exact"};
    private static final Map<String, Float> BOOSTS = Map.of("title_en", 3f, "title_zh", 3f, "keywords_en", 2f, "keywords_zh", 2f);
    private static final String[] HIGHLIGHTED = {"title_en", "title_zh", "abstract_en", "abstract_zh", "keywords_en", "keywords_zh"};

    private final Directory directory;
    private final DirectoryReader reader;
    private final Analyzer analyzer;

    private ReferenceIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.analyzer = analyzer();
    }

    static Analyzer analyzer() {
        Map<String, Analyzer> per = new LinkedHashMap<>();
        Analyzer en = new EnglishAnalyzer();
        Analyzer zh = new SmartChineseAnalyzer();
        Analyzer exact = new StandardAnalyzer(CharArraySet.EMPTY_SET);
        for (String f : List.of("title_en", "abstract_en", "keywords_en")) {
            per.put(f, en);
        }
        for (String f : List.of("title_zh", "abstract_zh", "keywords_zh")) {
            per.put(f, zh);
        }
        per.put("exact", exact);
        per.put("authors", exact);
        return new PerFieldAnalyzerWrapper(exact, per);
    }

    public static ReferenceIndex build(List<Reference> refs, Path folder, String version) throws IOException {
        return build(refs, LibraryExtras.none(), folder, version);
    }

    /** Indexes the references with their tags, and the notes ({@link NoteDocuments}). */
    public static ReferenceIndex build(List<Reference> refs, LibraryExtras extras, Path folder, String version) throws IOException {
        Directory dir;
        if (folder == null) {
            dir = new ByteBuffersDirectory();
        } else {
            Files.createDirectories(folder);
            dir = FSDirectory.open(folder);
        }
        // one bulk build and one commit: a larger buffer than Lucene's 16 MB default flushes fewer
        // segments to merge (100,000 references with abstracts), no commit before the end
        IndexWriterConfig config = new IndexWriterConfig(analyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(128);
        try (IndexWriter w = new IndexWriter(dir, config)) {
            for (Reference r : refs) {
                Document d = document(r);
                NoteDocuments.tags(d, extras.tagsOf(NoteDocuments.REFERENCE, r.key()));
                w.addDocument(d);
            }
            for (var n : extras.notes()) {
                w.addDocument(NoteDocuments.document(n, extras.tagsOf(NoteDocuments.NOTE, n.key())));
            }
            w.setLiveCommitData(Map.of(VERSION, version == null ? "" : version).entrySet());
            w.commit();
        }
        return new ReferenceIndex(dir);
    }

    public static ReferenceIndex open(Path folder) throws IOException {
        return new ReferenceIndex(FSDirectory.open(folder));
    }

    public static String versionIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Directory d = FSDirectory.open(folder); DirectoryReader r = DirectoryReader.open(d)) {
            return r.getIndexCommit().getUserData().get(VERSION);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Document document(Reference r) {
        Document d = new Document();
        d.add(new StringField("key", r.key(), Field.Store.YES));
        text(d, "title_en", r.title());
        text(d, "title_zh", r.titleZh());
        text(d, "abstract_en", r.abstractText());
        text(d, "abstract_zh", r.abstractZh());
        text(d, "keywords_en", String.join("; ", r.keywords()));
        text(d, "keywords_zh", String.join("; ", r.keywordsZh()));
        text(d, "authors", String.join("; ", r.authors().stream().map(Author::display).toList()));
        StringBuilder all = new StringBuilder();
        for (String s : new String[] {r.title(), r.titleZh(), r.abstractText(), r.abstractZh(), String.join(" ", r.keywords()),
                String.join(" ", r.keywordsZh()), r.journal()}) {
            if (s != null) {
                all.append(s).append('\n');
            }
        }
        d.add(new TextField("exact", all.toString(), Field.Store.NO));
        if (r.journal() != null) {
            d.add(new StringField("journal", r.journal(), Field.Store.YES));
        }
        if (r.language() != null) {
            d.add(new StringField("language", r.language(), Field.Store.YES));
        }
        if (r.year() != null) {
            d.add(new IntPoint("year", r.year()));
            d.add(new StoredField("year", r.year()));
        }
        return d;
    }

    static void text(Document d, String field, String value) {
        if (value != null && !value.isBlank()) {
            d.add(new TextField(field, value, Field.Store.YES));
        }
    }

    private Query query(String text, SearchFilter filter) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(SEARCHED, analyzer, BOOSTS);
        // every word must match (in some field): a Chinese word cut into characters in the exact field needs them all
        parser.setDefaultOperator(QueryParser.Operator.AND);
        // a Chinese word that an analyzer cuts into characters (smartcn: 外泌体 → 外 泌 体) must match as written, in order
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        Query words;
        try {
            words = parser.parse(text);
        } catch (ParseException | RuntimeException e) {
            try {
                words = parser.parse(QueryParser.escape(text));
            } catch (ParseException again) {
                words = new BooleanQuery.Builder().build();
            }
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST);
        if (filter.yearFrom() != null || filter.yearTo() != null) {
            b.add(IntPoint.newRangeQuery("year", filter.yearFrom() == null ? Integer.MIN_VALUE : filter.yearFrom(),
                    filter.yearTo() == null ? Integer.MAX_VALUE : filter.yearTo()), BooleanClause.Occur.FILTER);
        }
        if (filter.journal() != null) {
            b.add(new TermQuery(new Term("journal", filter.journal())), BooleanClause.Occur.FILTER);
        }
        if (filter.language() != null) {
            b.add(new TermQuery(new Term("language", filter.language())), BooleanClause.Occur.FILTER);
        }
        if (filter.tag() != null) {
            b.add(new TermQuery(new Term(NoteDocuments.TAG, filter.tag().strip())), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    public long count(String text, SearchFilter filter) throws IOException {
        return new IndexSearcher(reader).count(query(text, filter));
    }

    public List<SearchHit> search(String text, SearchFilter filter, int max) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query q = query(text, filter);
        TopDocs top = searcher.search(q, Math.max(1, max));
        List<SearchHit> out = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc);
            Map<String, String> highlights = new LinkedHashMap<>();
            for (String field : HIGHLIGHTED) {
                String value = d.get(field);
                if (value == null) {
                    continue;
                }
                String fragment = highlight(q, field, value);
                if (fragment == null && (field.endsWith("_zh") || field.endsWith("_en"))) {
                    // an acronym matched in the exact field is marked in the text it came from
                    fragment = highlight(q, "exact", field, value);
                }
                if (fragment != null) {
                    highlights.put(field, fragment);
                }
            }
            var year = d.getField("year");
            out.add(new SearchHit(d.get("key"), sd.score, d.get("title_en"), d.get("title_zh"),
                    year == null ? null : year.numericValue().intValue(), d.get("journal"), highlights,
                    d.get(NoteDocuments.KIND)));
        }
        return out;
    }

    private String highlight(Query q, String field, String value) throws IOException {
        return highlight(q, field, field, value);
    }

    /** The best passage of {@code value} (a stored {@code textField}) marked where it matches the query's terms on {@code queryField}. */
    private String highlight(Query q, String queryField, String textField, String value) throws IOException {
        Highlighter h = new Highlighter(new SimpleHTMLFormatter("<b>", "</b>"), new QueryScorer(q, queryField));
        h.setTextFragmenter(new SimpleFragmenter(120));
        try {
            String f = h.getBestFragment(analyzer, queryField, value);
            // characters matched one by one (外, 泌, 体) read as one marked word
            return f == null ? null : f.replace("</b><b>", "");
        } catch (InvalidTokenOffsetsException e) {
            return null;
        }
    }

    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            // closing a read index cannot lose data; nothing to report to the user
        }
    }
}
