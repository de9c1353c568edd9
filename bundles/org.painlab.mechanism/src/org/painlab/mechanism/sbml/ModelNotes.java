package org.painlab.mechanism.sbml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What an SBML file says about its symbols beyond the mathematics: the units each is declared in and its
 * notes (where the built-in models name the literature a value follows), and the model's time unit. The
 * engine's model keeps only the mathematics, so the outline and the labels of parameter links read these
 * from the file itself.
 *
 * @since 0.1
 */
public final class ModelNotes {
    private static final String[] ELEMENTS = { "compartment", "species", "parameter", "reaction", "event" };
    private final String timeUnits;
    private final String modelNote;
    private final Map<String, String> units;
    private final Map<String, String> notes;

    private ModelNotes(String timeUnits, String modelNote, Map<String, String> units, Map<String, String> notes) {
        this.timeUnits = timeUnits;
        this.modelNote = modelNote;
        this.units = Map.copyOf(units);
        this.notes = Map.copyOf(notes);
    }

    /** Nothing known (a file that could not be read a second time). */
    public static ModelNotes none() {
        return new ModelNotes("", "", Map.of(), Map.of());
    }

    /**
     * Reads the notes of an SBML document; a document this reader cannot parse gives {@link #none()} (the
     * engine has already read the model itself, and reports its errors).
     */
    public static ModelNotes read(String sbml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            Document d = b.parse(new ByteArrayInputStream(sbml.getBytes(StandardCharsets.UTF_8)));
            Map<String, String> u = new HashMap<>();
            Map<String, String> n = new HashMap<>();
            for (String tag : ELEMENTS) {
                NodeList list = d.getElementsByTagNameNS("*", tag);
                for (int i = 0; i < list.getLength(); i++) {
                    Element e = (Element) list.item(i);
                    String id = e.getAttribute("id");
                    if (id.isEmpty()) {
                        continue;
                    }
                    String unit = e.getAttribute(tag.equals("species") ? "substanceUnits" : "units");
                    if (!unit.isEmpty()) {
                        u.put(id, unit);
                    }
                    String note = noteOf(e);
                    if (!note.isEmpty()) {
                        n.put(id, note);
                    }
                }
            }
            NodeList models = d.getElementsByTagNameNS("*", "model");
            String time = "";
            String modelNote = "";
            if (models.getLength() > 0) {
                Element m = (Element) models.item(0);
                time = m.getAttribute("timeUnits");
                modelNote = noteOf(m);
            }
            return new ModelNotes(time, modelNote, u, n);
        } catch (Exception e) {
            return none();
        }
    }

    private static String noteOf(Element e) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce && "notes".equals(ce.getLocalName())) {
                return ce.getTextContent().replaceAll("\\s+", " ").strip();
            }
        }
        return "";
    }

    /** The model's time unit as declared (e.g. day, hour), or empty. */
    public String timeUnits() {
        return timeUnits;
    }

    /** The model's own notes as plain text, or empty. */
    public String modelNote() {
        return modelNote;
    }

    /** The declared units of {@code id}, or empty. */
    public String units(String id) {
        return units.getOrDefault(id, "");
    }

    /** The notes of {@code id} as plain text, or empty. */
    public String note(String id) {
        return notes.getOrDefault(id, "");
    }
}
