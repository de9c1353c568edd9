package org.painlab.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX input for files users bring (ODM, workbook parts, PubMed and EndNote XML) that never fetches
 * a DTD or expands an external entity: a PubMed file names its DTD by URL (reading it would go to
 * the network) and external entities are the XXE door. The text is decoded here rather than by the
 * JDK's parser, which prints "[Fatal Error] ... Invalid byte 1 of 1-byte UTF-8 sequence" on stderr
 * before it throws: bad bytes become an exception the caller reports with its file and line.
 *
 * @since 0.1
 */
public final class SafeXml {
    private static final String NOT_UTF8 = "not UTF-8 text (bytes that are not UTF-8; save the file as UTF-8)";

    private SafeXml() {
    }

    /** A StAX factory with DTDs and external entities refused, adjacent text coalesced. */
    public static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /**
     * Opens already decoded text.
     *
     * @param text the XML
     * @return the reader
     * @throws XMLStreamException when the XML cannot be started
     */
    public static XMLStreamReader open(String text) throws XMLStreamException {
        return factory().createXMLStreamReader(new StringReader(text));
    }

    /**
     * Opens bytes: UTF-16 with a byte-order mark is read as such, anything else as UTF-8 (a UTF-8
     * byte-order mark is skipped), bad bytes reported rather than replaced.
     *
     * @param in the XML bytes (closed by the caller)
     * @return the reader
     * @throws IOException when the stream cannot be read
     * @throws XMLStreamException when the XML cannot be started
     */
    public static XMLStreamReader open(InputStream in) throws IOException, XMLStreamException {
        BufferedInputStream b = new BufferedInputStream(in);
        b.mark(3);
        int b0 = b.read();
        int b1 = b.read();
        int b2 = b.read();
        Charset cs = StandardCharsets.UTF_8;
        b.reset();
        if (b0 == 0xFE && b1 == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            b.skipNBytes(2);
        } else if (b0 == 0xFF && b1 == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            b.skipNBytes(2);
        } else if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            b.skipNBytes(3);
        }
        InputStreamReader text = new InputStreamReader(b, cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        return factory().createXMLStreamReader(text);
    }

    /**
     * The text inside the current element (inline markup such as {@code <i>} dropped, white space
     * runs made one space), leaving the reader on the element's end tag.
     *
     * @param r a reader on a start tag
     * @return the text
     * @throws XMLStreamException when the XML breaks inside the element
     */
    public static String text(XMLStreamReader r) throws XMLStreamException {
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

    /**
     * A parse error in words, on one line: bad bytes as "not UTF-8 text", anything else as the parser
     * says it without the JDK's "ParseError at [row,col]:" prefix.
     *
     * @param e the error
     * @return the message
     */
    public static String describe(XMLStreamException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return NOT_UTF8;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (e.getNestedException() instanceof CharacterCodingException) {
            return NOT_UTF8;
        }
        String m = String.valueOf(e.getMessage());
        int k = m.indexOf("Message: ");
        return (k >= 0 ? m.substring(k + 9) : m).replaceAll("\\s+", " ").strip();
    }
}
