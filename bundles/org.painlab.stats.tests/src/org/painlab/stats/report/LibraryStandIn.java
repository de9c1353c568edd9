package org.painlab.stats.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.cite.CitableReference;
import org.painlab.core.cite.CitationProvider;
import org.painlab.core.cite.CitedReferences;

/**
 * Test provider standing in for the literature area: the library is {@code files/library.tsv}
 * ("key TAB entry" per line), cited in one numeric style "(1,2)" numbered in first-cited order.
 * Statistics cites only through the core citation contract, so its tests need no literature bundle.
 */
public class LibraryStandIn implements CitationProvider {

    @Override
    public List<CitableReference> library(Study study) throws StudyException {
        List<CitableReference> out = new ArrayList<>();
        read(study).forEach((k, v) -> out.add(new CitableReference(k, v)));
        return out;
    }

    @Override
    public List<String> styles() {
        return List.of("numbers");
    }

    @Override
    public CitedReferences cite(Study study, List<List<String>> citations, String style) throws StudyException {
        if (!style.equals("numbers") && !style.equals(ReportCitations.DEFAULT_STYLE)) {
            throw new StudyException("no style '" + style + "'");
        }
        Map<String, String> library = read(study);
        List<String> order = new ArrayList<>();
        List<String> inText = new ArrayList<>();
        for (List<String> place : citations) {
            List<String> numbers = new ArrayList<>();
            for (String k : place) {
                if (!library.containsKey(k)) {
                    throw new StudyException("no reference with key '" + k + "'");
                }
                if (!order.contains(k)) {
                    order.add(k);
                }
                numbers.add(Integer.toString(order.indexOf(k) + 1));
            }
            inText.add("(" + String.join(",", numbers) + ")");
        }
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            entries.add((i + 1) + ". " + library.get(order.get(i)));
        }
        return new CitedReferences("numbers", inText, entries, order);
    }

    private static Map<String, String> read(Study study) throws StudyException {
        Path file = study.filesFolder().resolve("library.tsv");
        Map<String, String> out = new LinkedHashMap<>();
        try {
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        out.put(line.substring(0, tab), line.substring(tab + 1));
                    }
                }
            }
        } catch (IOException e) {
            throw new StudyException(file + ": " + e.getMessage(), e);
        }
        return out;
    }
}
