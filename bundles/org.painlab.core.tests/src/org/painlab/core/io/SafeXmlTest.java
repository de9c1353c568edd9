package org.painlab.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;

/** XML input shared by trial (ODM, workbooks) and literature (PubMed, EndNote): no DTD, no external entity, bad bytes named. */
class SafeXmlTest {

    @Test
    void externalEntitiesAreNotExpanded() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>";
        XMLStreamException e = assertThrows(XMLStreamException.class, () -> {
            XMLStreamReader r = SafeXml.open(xxe);
            while (r.hasNext()) {
                r.next();
            }
        });
        assertTrue(SafeXml.describe(e).contains("x"), SafeXml.describe(e));
    }

    @Test
    void textDropsInlineMarkupAndBadBytesAreNamed() throws Exception {
        XMLStreamReader r = SafeXml.open(new ByteArrayInputStream(
                "\uFEFF<t>Pain <i>and</i>\n   sleep</t>".getBytes(StandardCharsets.UTF_8)));
        r.nextTag();
        assertEquals("Pain and sleep", SafeXml.text(r));
        byte[] latin1 = "<t>Schmerz \u00fcber</t>".getBytes(StandardCharsets.ISO_8859_1);
        XMLStreamException e = assertThrows(XMLStreamException.class, () -> {
            XMLStreamReader x = SafeXml.open(new ByteArrayInputStream(latin1));
            while (x.hasNext()) {
                x.next();
            }
        });
        assertEquals("not UTF-8 text (bytes that are not UTF-8; save the file as UTF-8)", SafeXml.describe(e));
    }
}
