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
import org.painlab.literature.NoteStore;
import org.painlab.literature.TagStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab lit tag DIR [KEY] --add t --remove t}: tags of a reference or note, or every tag in use. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Add or remove tags of a reference (or of a note with --note) and print its tags; "
                + "without KEY, print every tag in use with its count.")
public final class LitTagCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Parameters(index = "1", paramLabel = "KEY", arity = "0..1", description = "A reference's key (a note's key with --note).")
    String key;

    @Option(names = "--note", description = "KEY is a note's key.")
    boolean note;

    @Option(names = "--add", paramLabel = "TAG", description = "Add this tag (repeatable).")
    List<String> add = new ArrayList<>();

    @Option(names = "--remove", paramLabel = "TAG", description = "Remove this tag (repeatable).")
    List<String> remove = new ArrayList<>();

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit trail.")
    String reason;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who tags (default: the OS user).")
    String actor;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if (key == null && (!add.isEmpty() || !remove.isEmpty())) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--add/--remove need the KEY of a reference or note");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        try (Study study = Study.open(dir, StudySchemas.contributed())) {
            TagStore tags = new TagStore(study, actor != null ? actor : System.getProperty("user.name", "unknown"));
            if (key == null) {
                out.put("tags", tags.counts());
            } else {
                String type = note ? NoteStore.ENTITY : TagStore.REFERENCE;
                List<String> now = add.isEmpty() && remove.isEmpty() ? checked(tags, type) : tags.change(type, key, add, remove, reason);
                out.put("type", type);
                out.put("key", key);
                out.put("tags", now);
            }
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        var w = spec.commandLine().getOut();
        if (json) {
            new Json().print(w, out);
        } else if (key == null) {
            ((Map<?, ?>) out.get("tags")).forEach((t, n) -> w.println(t + "\t" + n));
        } else {
            w.println(key + ": " + String.join(", ", (List<String>) out.get("tags")));
        }
        w.flush();
        return 0;
    }

    /** The item's tags, after checking that it exists (a typo should not print an empty list). */
    private List<String> checked(TagStore tags, String type) throws StudyException {
        return tags.change(type, key, List.of(), List.of(), reason);
    }
}
