package org.painlab.literature.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.InputFiles;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.link.LinkTargets;
import org.painlab.core.link.LinkedItem;
import org.painlab.literature.Note;
import org.painlab.literature.NoteStore;
import org.painlab.literature.TagStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab lit note add|edit|list|show|delete}: Markdown notes on references or on their own,
 * with tags and links to items of the study (subjects, results, volumes, model parameters, references, other notes).
 */
@Command(name = "note", mixinStandardHelpOptions = true,
        description = "Markdown notes on a reference or on their own, linked to items of the study.",
        subcommands = {LitNoteCommand.Add.class, LitNoteCommand.Edit.class, LitNoteCommand.ListNotes.class,
                LitNoteCommand.Show.class, LitNoteCommand.Delete.class})
public final class LitNoteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "which one? " + String.join(", ", spec.subcommands().keySet()));
    }

    /** Options shared by add and edit: the text, tags and links. */
    abstract static class Writing {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Option(names = "--title", paramLabel = "TITLE", description = "A short title (default: the first line).")
        String title;

        @Option(names = "--text", paramLabel = "MARKDOWN", description = "The note's Markdown text.")
        String text;

        @Option(names = "--file", paramLabel = "FILE", description = "Read the Markdown text from FILE (UTF-8).")
        Path file;

        @Option(names = "--tag", paramLabel = "TAG", description = "Tag the note (repeatable).")
        List<String> tags = new ArrayList<>();

        @Option(names = "--link", paramLabel = "TYPE:KEY",
                description = "Link the note to an item of the study: subject:S01, visit:S01/V2, result:12, reference:wang2023, "
                        + "note:n2, volume:12, model:7, parameter:MODEL#PARAMETER (e.g. parameter:neuroinflammation-sensitization#k_heal); "
                        + "any installed link target (repeatable).")
        List<String> links = new ArrayList<>();

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit trail.")
        String reason;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who writes, for the audit trail (default: the OS user).")
        String actor;

        @Option(names = "--json", description = "Print the note as one JSON object.")
        boolean json;

        String body() {
            if (text != null && file != null) {
                throw new ParameterException(spec.commandLine(), "give the text with --text or --file, not both");
            }
            return file != null ? InputFiles.text(file) : text;
        }

        String who() {
            return actor != null ? actor : System.getProperty("user.name", "unknown");
        }

        /** Checks every --link before anything is written, so that a bad one leaves the study as it was. */
        void checkLinks(Study study) throws StudyException {
            LinkTargets targets = new LinkTargets();
            for (String l : links) {
                String[] end = end(l);
                if (targets.resolve(study, end[0], end[1]).isEmpty()) {
                    throw new StudyException(dir + ": --link " + l + ": no " + end[0] + " '" + end[1] + "' in the study");
                }
            }
        }

        private String[] end(String l) {
            int colon = l.indexOf(':');
            if (colon <= 0 || colon == l.length() - 1) {
                throw new ParameterException(spec.commandLine(), "--link " + l + ": expected TYPE:KEY, e.g. subject:S01");
            }
            return new String[] {l.substring(0, colon), l.substring(colon + 1)};
        }

        /** Tags and links the stored note (ends checked by {@link #checkLinks}). */
        void decorate(Study study, Note n) throws StudyException {
            if (!tags.isEmpty()) {
                new TagStore(study, who()).change(NoteStore.ENTITY, n.key(), tags, List.of(), reason);
            }
            LinkTargets targets = new LinkTargets();
            for (String l : links) {
                String[] end = end(l);
                targets.link(study, NoteStore.ENTITY, n.key(), end[0], end[1], who());
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Write a note (on a reference with --on).")
    static final class Add extends Writing implements Callable<Integer> {
        @Option(names = "--on", paramLabel = "KEY", description = "The reference the note is about.")
        String on;

        @Override
        public Integer call() {
            String body = body();
            if (body == null) {
                throw new ParameterException(spec.commandLine(), "the note's text is missing: --text or --file");
            }
            try (Study study = Study.open(dir, StudySchemas.contributed())) {
                checkLinks(study);
                Note n = new NoteStore(study, who()).add(on, title, body, reason);
                decorate(study, n);
                NoteJson.print(spec, study, n, json);
            } catch (StudyException e) {
                throw new CliFailure(e.getMessage(), e);
            }
            return 0;
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Change a note's title or text, add tags or links.")
    static final class Edit extends Writing implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "NOTE", description = "The note's key (n1, n2, ...).")
        String key;

        @Override
        public Integer call() {
            String body = body();
            try (Study study = Study.open(dir, StudySchemas.contributed())) {
                checkLinks(study);
                NoteStore store = new NoteStore(study, who());
                Note n = title == null && body == null ? store.find(key).orElseThrow(() -> new StudyException("no note with key '" + key + "'"))
                        : store.edit(key, title, body, reason);
                decorate(study, n);
                NoteJson.print(spec, study, n, json);
            } catch (StudyException e) {
                throw new CliFailure(e.getMessage(), e);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the notes (of one reference with --on, with a tag with --tag).")
    static final class ListNotes implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Option(names = "--on", paramLabel = "KEY", description = "Only notes on this reference.")
        String on;

        @Option(names = "--tag", paramLabel = "TAG", description = "Only notes with this tag.")
        String tag;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() {
            try (Study study = Study.openReadOnly(dir, StudySchemas.contributed())) {
                NoteStore store = new NoteStore(study, null);
                Map<String, Map<String, List<String>>> tags = new TagStore(study, null).all();
                Map<String, List<String>> noteTags = tags.getOrDefault(NoteStore.ENTITY, Map.of());
                List<Map<String, Object>> out = new ArrayList<>();
                for (Note n : on == null ? store.list() : store.of(on)) {
                    List<String> t = noteTags.getOrDefault(n.key(), List.of());
                    if (tag == null || t.contains(tag)) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("key", n.key());
                        m.put("reference", n.referenceKey());
                        m.put("title", n.displayTitle());
                        m.put("tags", t);
                        m.put("updated", n.updated().toString());
                        out.add(m);
                    }
                }
                if (json) {
                    new Json().print(spec.commandLine().getOut(), Map.of("notes", out));
                } else {
                    var w = spec.commandLine().getOut();
                    w.println(out.size() + " notes");
                    for (Map<String, Object> m : out) {
                        w.println(m.get("key") + "  " + m.get("title") + (m.get("reference") == null ? "" : "  [on " + m.get("reference") + "]")
                                + (((List<?>) m.get("tags")).isEmpty() ? "" : "  #" + String.join(" #", (List<String>) m.get("tags"))));
                    }
                    w.flush();
                }
            } catch (StudyException e) {
                throw new CliFailure(e.getMessage(), e);
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a note with its tags, links and backlinks.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Parameters(index = "1", paramLabel = "NOTE", description = "The note's key.")
        String key;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() {
            try (Study study = Study.openReadOnly(dir, StudySchemas.contributed())) {
                Note n = new NoteStore(study, null).find(key).orElseThrow(() -> new StudyException(dir + ": no note with key '" + key + "'"));
                NoteJson.print(spec, study, n, json);
            } catch (StudyException e) {
                throw new CliFailure(e.getMessage(), e);
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a note (audited).")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Parameters(index = "1", paramLabel = "NOTE", description = "The note's key.")
        String key;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit trail.")
        String reason;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who deletes (default: the OS user).")
        String actor;

        @Override
        public Integer call() {
            try (Study study = Study.open(dir, StudySchemas.contributed())) {
                new NoteStore(study, actor != null ? actor : System.getProperty("user.name", "unknown")).delete(key, reason);
            } catch (StudyException e) {
                throw new CliFailure(e.getMessage(), e);
            }
            spec.commandLine().getOut().println("deleted note " + key);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** A note with its tags and its links (both directions, each end labelled) as JSON or text. */
    static final class NoteJson {
        private NoteJson() {
        }

        static Map<String, Object> of(Study study, Note n) throws StudyException {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", n.key());
            m.put("reference", n.referenceKey());
            m.put("title", n.title());
            m.put("body", n.body());
            m.put("created", n.created().toString());
            m.put("updated", n.updated().toString());
            m.put("tags", new TagStore(study, null).tagsOf(NoteStore.ENTITY, n.key()));
            m.put("links", LinkJson.links(study, NoteStore.ENTITY, n.key()));
            return m;
        }

        static void print(CommandSpec spec, Study study, Note n, boolean json) throws StudyException {
            Map<String, Object> m = of(study, n);
            var w = spec.commandLine().getOut();
            if (json) {
                new Json().print(w, m);
                return;
            }
            w.println("note " + n.key() + (n.referenceKey() == null ? "" : " on " + n.referenceKey()) + ": " + n.displayTitle());
            @SuppressWarnings("unchecked")
            List<String> tags = (List<String>) m.get("tags");
            if (!tags.isEmpty()) {
                w.println("tags: " + String.join(", ", tags));
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> links = (List<Map<String, Object>>) m.get("links");
            for (Map<String, Object> l : links) {
                w.println(l.get("direction") + " " + l.get("type") + ":" + l.get("key") + "  " + l.get("label"));
            }
            w.println();
            w.println(n.body());
            w.flush();
        }
    }

    /** The links and backlinks of an item, each with the other end's type, key and current label. */
    static final class LinkJson {
        private LinkJson() {
        }

        static List<Map<String, Object>> links(Study study, String type, String key) throws StudyException {
            List<Map<String, Object>> out = new ArrayList<>();
            for (LinkedItem l : new LinkTargets().describe(study, type, key)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("direction", l.outgoing() ? "to" : "from");
                m.put("type", l.type());
                m.put("key", l.key());
                m.put("label", l.text());
                out.add(m);
            }
            return out;
        }
    }
}
