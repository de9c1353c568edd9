package org.painlab.stats.chart;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Reads chart SVGs with the JDK's XML parser: a parse error fails the test, so output is well-formed. */
public final class SvgDocs {
    private SvgDocs() {
    }

    /** @param svg document text @return the parsed document */
    public static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    /** @param doc a document @param tag element name @return the elements, in document order */
    public static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** @param polyline a polyline or polygon @return its points as {x, y} pairs */
    public static List<double[]> points(Element polyline) {
        List<double[]> out = new ArrayList<>();
        for (String pair : polyline.getAttribute("points").trim().split("\\s+")) {
            String[] xy = pair.split(",");
            out.add(new double[] { Double.parseDouble(xy[0]), Double.parseDouble(xy[1]) });
        }
        return out;
    }
}
