package org.painlab.literature.internal.search;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.painlab.literature.Note;
import org.painlab.literature.SearchHit;

/**
 * Notes and tags in the library's index. A note is a document of kind {@code note} with the same
 * fields as a reference: its title and body go to the Chinese fields when they hold Han characters,
 * else to the English ones, and always to the {@code exact} field, so one query finds references
 * and notes alike.
 */
final class NoteDocuments {
    static final String KIND = "kind";
    static final String TAG = "tag";
    static final String REFERENCE = SearchHit.REFERENCE;
    static final String NOTE = SearchHit.NOTE;
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private NoteDocuments() {
    }

    static Document document(Note n, List<String> tags) {
        Document d = new Document();
        d.add(new StringField("key", n.key(), Field.Store.YES));
        d.add(new StringField(KIND, NOTE, Field.Store.YES));
        if (n.referenceKey() != null) {
            d.add(new StringField("reference", n.referenceKey(), Field.Store.YES));
        }
        String title = n.displayTitle();
        ReferenceIndex.text(d, field("title", title), title);
        ReferenceIndex.text(d, field("abstract", n.body()), n.body());
        d.add(new TextField("exact", title + "\n" + n.body(), Field.Store.NO));
        tags(d, tags);
        return d;
    }

    static void tags(Document d, List<String> tags) {
        for (String t : tags) {
            d.add(new StringField(TAG, t, Field.Store.YES));
        }
    }

    /** {@code base_zh} for text with Han characters (smartcn segments the English words in it too), else {@code base_en}. */
    private static String field(String base, String text) {
        return base + (HAN.matcher(text).find() ? "_zh" : "_en");
    }
}
