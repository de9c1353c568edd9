package org.painlab.literature;

import org.painlab.literature.internal.text.PastedTextParser;

/**
 * Reads one reference out of text pasted from a web page (a PubMed record, a CNKI-like Chinese
 * journal page, a publisher or review page, with its layout noise). Labelled fields are read as
 * given; fields found by their place on the page are listed in {@link Reference#guessed()}; a
 * field that is not on the page stays empty.
 *
 * @since 0.1
 */
public final class PastedText {

    /** @return the reference (every field empty when the page has none of them) */
    public Reference parse(String text) {
        return new PastedTextParser().parse(text);
    }
}
