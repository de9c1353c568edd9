package org.painlab.literature.cite;

import java.util.ArrayList;
import java.util.List;

import org.painlab.literature.Author;
import org.painlab.literature.Reference;
import org.painlab.literature.ReferenceType;

import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.CSLType;

/** A reference as citeproc's item: the title and names in the reference's own language. */
final class CslItems {
    private CslItems() {
    }

    static CSLItemData of(Reference r) {
        boolean zh = isChinese(r);
        String title = zh ? first(r.titleZh(), r.title()) : first(r.title(), r.titleZh());
        CSLItemDataBuilder b = new CSLItemDataBuilder().id(r.key()).type(type(r.type())).title(title)
                .containerTitle(r.journal()).volume(r.volume()).issue(r.issue()).page(r.pages()).DOI(r.doi())
                .PMID(r.pmid()).URL(r.url()).language(zh ? "zh-CN" : r.language());
        if (r.year() != null) {
            b.issued(r.year());
        }
        List<CSLName> names = new ArrayList<>();
        for (Author a : r.authors()) {
            CSLNameBuilder n = new CSLNameBuilder().family(a.family());
            if (a.given() != null && !a.given().isBlank()) {
                n.given(a.given());
            }
            names.add(n.build());
        }
        if (!names.isEmpty()) {
            b.author(names.toArray(CSLName[]::new));
        }
        return b.build();
    }

    /** The CSL locale an entry is written in: zh-CN for a Chinese reference, en-US otherwise. */
    static String locale(Reference r) {
        return isChinese(r) ? "zh-CN" : "en-US";
    }

    private static boolean isChinese(Reference r) {
        if (r.language() != null) {
            return r.language().startsWith("zh");
        }
        return r.titleZh() != null && r.title() == null;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static CSLType type(ReferenceType t) {
        return switch (t) {
            case ARTICLE_JOURNAL -> CSLType.ARTICLE_JOURNAL;
            case BOOK -> CSLType.BOOK;
            case CHAPTER -> CSLType.CHAPTER;
            case PAPER_CONFERENCE -> CSLType.PAPER_CONFERENCE;
            case THESIS -> CSLType.THESIS;
            case REPORT -> CSLType.REPORT;
            case WEBPAGE -> CSLType.WEBPAGE;
            case DATASET -> CSLType.DATASET;
            default -> CSLType.ARTICLE;
        };
    }
}
