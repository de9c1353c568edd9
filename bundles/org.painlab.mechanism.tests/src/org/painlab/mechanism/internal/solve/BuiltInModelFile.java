package org.painlab.mechanism.internal.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The numbers of a built-in SBML model (parameter values and initial amounts), read from the bundle's
 * models/ folder so the equations coded in the tests run with exactly the values the file ships.
 */
final class BuiltInModelFile {
    private final Map<String, Double> values = new HashMap<>();
    private final Document document;

    BuiltInModelFile(String name) throws Exception {
        Bundle host = FrameworkUtil.getBundle(BuiltInModelFile.class);
        URL url = host.getEntry("models/" + name);
        assertNotNull(url, "models/" + name + " is in the bundle");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = url.openStream()) {
            document = factory.newDocumentBuilder().parse(in);
        }
        Element sbml = document.getDocumentElement();
        assertEquals("http://www.sbml.org/sbml/level3/version2/core", sbml.getNamespaceURI());
        assertEquals("3", sbml.getAttribute("level"));
        assertEquals("2", sbml.getAttribute("version"));
        collect("parameter", "value");
        collect("species", "initialAmount");
    }

    private void collect(String element, String attribute) {
        NodeList nodes = document.getElementsByTagNameNS("*", element);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.hasAttribute(attribute)) {
                values.put(e.getAttribute("id"), Double.parseDouble(e.getAttribute(attribute)));
            }
        }
    }

    /** The value of a parameter or the initial amount of a species. */
    double get(String id) {
        Double v = values.get(id);
        assertNotNull(v, id + " has a value in the model file");
        return v;
    }

    /** Ids of the elements of one kind (species, parameter, event ...). */
    java.util.List<String> ids(String element) {
        NodeList nodes = document.getElementsByTagNameNS("*", element);
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            ids.add(((Element) nodes.item(i)).getAttribute("id"));
        }
        return ids;
    }
}
