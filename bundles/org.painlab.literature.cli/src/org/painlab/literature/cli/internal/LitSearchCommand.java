package org.painlab.literature.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.literature.LibrarySearch;
import org.painlab.literature.LiteratureException;
import org.painlab.literature.LiteratureIndex;
import org.painlab.literature.SearchFilter;
import org.painlab.literature.SearchHit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab lit search DIR QUERY}: full-text search of the study's references in Chinese and English. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the study's references and notes (Chinese words, English words, acronyms such as VAS or ODI as written), "
                + "with the matching passages highlighted. The study's database is only read; the index is kept in DIR/index/literature.")
public final class LitSearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Parameters(index = "1", paramLabel = "QUERY", description = "Words in either language; quotes, AND, OR and NOT are understood.")
    String query;

    @Option(names = "--year-from", paramLabel = "YEAR")
    Integer yearFrom;

    @Option(names = "--year-to", paramLabel = "YEAR")
    Integer yearTo;

    @Option(names = "--journal", paramLabel = "NAME", description = "Only this journal (its exact name).")
    String journal;

    @Option(names = "--language", paramLabel = "LANG", description = "Only references in this language (en, zh).")
    String language;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only references and notes with this tag.")
    String tag;

    @Option(names = "--max", paramLabel = "N", defaultValue = "20", description = "At most N hits. Default: ${DEFAULT-VALUE}.")
    int max;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if (max < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max: " + max + " (at least 1)");
        }
        SearchFilter filter = new SearchFilter(yearFrom, yearTo, journal, language, tag);
        long total;
        List<SearchHit> hits;
        try (Study study = Study.openReadOnly(dir, StudySchemas.contributed());
                LiteratureIndex index = new LibrarySearch(study).open()) {
            total = index.count(query, filter);
            hits = index.search(query, filter, max);
        } catch (StudyException | LiteratureException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("query", query);
            out.put("total", total);
            List<Object> list = new ArrayList<>();
            for (SearchHit h : hits) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", h.key());
                m.put("kind", h.kind());
                m.put("score", (double) h.score());
                m.put("title", h.title());
                m.put("title_zh", h.titleZh());
                m.put("year", h.year());
                m.put("journal", h.journal());
                m.put("highlights", new LinkedHashMap<>(h.highlights()));
                list.add(m);
            }
            out.put("hits", list);
            new Json().print(spec.commandLine().getOut(), out);
        } else {
            var w = spec.commandLine().getOut();
            w.println(total + " references and notes match \"" + query + "\"");
            for (SearchHit h : hits) {
                w.println((SearchHit.NOTE.equals(h.kind()) ? "note " : "") + h.key() + "  " + (h.title() != null ? h.title() : h.titleZh()) + (h.year() != null ? " (" + h.year() + ")" : ""));
                h.highlights().forEach((f, s) -> w.println("    " + f + ": " + s));
            }
            w.flush();
        }
        return 0;
    }
}
