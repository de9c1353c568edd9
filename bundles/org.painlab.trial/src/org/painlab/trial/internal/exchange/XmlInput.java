package org.painlab.trial.internal.exchange;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Opens XML (ODM files, the parts of a workbook) for the StAX reader with the text decoded here: the
 * JDK's parser, when it decodes bytes itself, prints "[Fatal Error] :-1:-1: Invalid byte 1 of 1-byte
 * UTF-8 sequence" on stderr before it throws, whatever reporter is set. Decoding here turns bad bytes
 * into an exception that the importer reports with the file and line, and nothing else is printed.
 * UTF-16 with a byte-order mark is read as such; anything else as UTF-8 (a UTF-8 BOM is skipped).
 */
final class XmlInput {
    private XmlInput() {
    }

    /**
     * Opens a stream.
     *
     * @param in the XML bytes (closed by the caller)
     * @return the reader (DTDs and external entities refused, see {@link XlsxReader#factory()})
     * @throws IOException when the stream cannot be read
     * @throws XMLStreamException when the XML cannot be started
     */
    static XMLStreamReader open(InputStream in) throws IOException, XMLStreamException {
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
        return XlsxReader.factory().createXMLStreamReader(text);
    }

    /**
     * A parse error in words: bad bytes as "not UTF-8 text", anything else as the parser says it,
     * on one line.
     *
     * @param e the error
     * @return the message
     */
    static String describe(XMLStreamException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return "not UTF-8 text (bytes that are not UTF-8; save the file as UTF-8)";
            }
        }
        Throwable nested = e.getNestedException();
        if (nested instanceof CharacterCodingException) {
            return "not UTF-8 text (bytes that are not UTF-8; save the file as UTF-8)";
        }
        String m = String.valueOf(e.getMessage());
        int k = m.indexOf("Message: ");
        return (k >= 0 ? m.substring(k + 9) : m).replaceAll("\\s+", " ").strip();
    }
}
