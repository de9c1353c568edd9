package org.painlab.literature.internal.formats;

import java.io.StringReader;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers that never fetch a DTD or expand an external entity (a PubMed file names its DTD
 * by URL: reading it would go to the network, and entities are the XXE door). The text is decoded
 * before parsing, so a bad byte is reported by the file reader, not printed by the JDK parser.
 * (core has no shared XML input yet; trial keeps its own in its internal package.)
 */
final class SafeXml {
    private SafeXml() {
    }

    static XMLStreamReader open(String text) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f.createXMLStreamReader(new StringReader(text));
    }

    /** The text inside the current element (inline markup such as {@code <i>} dropped), leaving the reader on its end tag. */
    static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamReader.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamReader.END_ELEMENT) {
                depth--;
            } else if (e == XMLStreamReader.CHARACTERS || e == XMLStreamReader.CDATA || e == XMLStreamReader.SPACE) {
                b.append(r.getText());
            }
        }
        return b.toString().replaceAll("\\s+", " ").strip();
    }

    /** A parser error in one line, without the JDK's "ParseError at [row,col]:" prefix. */
    static String describe(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int k = m.indexOf("Message: ");
        return (k >= 0 ? m.substring(k + 9) : m).replaceAll("\\s+", " ").strip();
    }
}
