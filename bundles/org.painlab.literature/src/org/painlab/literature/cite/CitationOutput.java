package org.painlab.literature.cite;

/**
 * The markup of formatted citations: plain text or HTML (italics, bold as the style asks).
 *
 * @since 0.1
 */
public enum CitationOutput {
    TEXT("text"), HTML("html");

    private final String citeproc;

    CitationOutput(String citeproc) {
        this.citeproc = citeproc;
    }

    /** The output format's name in citeproc-java. */
    String citeproc() {
        return citeproc;
    }
}
