package org.painlab.literature.internal.text;

import java.util.List;

import org.painlab.literature.LiteratureException;
import org.painlab.literature.LiteratureFormat;
import org.painlab.literature.ReadOutcome;
import org.painlab.literature.ReadRecord;
import org.painlab.literature.Reference;

/** Pasted web-page text as a format: the whole file is one record ({@link PastedTextParser}). */
public final class PastedTextFormat implements LiteratureFormat {

    @Override
    public ReadOutcome read(String text) throws LiteratureException {
        Reference r = new PastedTextParser().parse(text);
        if (r.title() == null && r.titleZh() == null) {
            throw new LiteratureException("no title found in the pasted text (looked for labels such as 题名, Title, "
                    + "英文题名 and for a PubMed record's source line)");
        }
        return new ReadOutcome(List.of(new ReadRecord(1, 1, r)), List.of());
    }

    @Override
    public boolean recognises(String head) {
        return true;
    }
}
