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
import org.painlab.literature.CollectionStore;
import org.painlab.literature.ReferenceCollection;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab lit collection list|create|add|remove|delete}: nested collections of references.
 * Every subcommand prints the study's collections afterwards.
 */
@Command(name = "collection", mixinStandardHelpOptions = true,
        description = "Collections of references, nested (a review and its included studies).",
        subcommands = {LitCollectionCommand.ListCollections.class, LitCollectionCommand.Create.class,
                LitCollectionCommand.Add.class, LitCollectionCommand.Remove.class, LitCollectionCommand.Delete.class})
public final class LitCollectionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "which one? " + String.join(", ", spec.subcommands().keySet()));
    }

    /** The study, who changes it, and the printing of the collections afterwards. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit trail.")
        String reason;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who changes it (default: the OS user).")
        String actor;

        @Option(names = "--json", description = "Print the collections as one JSON object.")
        boolean json;

        abstract void change(CollectionStore store) throws StudyException;

        @Override
        public Integer call() {
            List<ReferenceCollection> all;
            try (Study study = Study.open(dir, StudySchemas.contributed())) {
                CollectionStore store = new CollectionStore(study, actor != null ? actor : System.getProperty("user.name", "unknown"));
                change(store);
                all = store.list();
            } catch (StudyException e) {
                throw new CliFailure(e.getMessage(), e);
            }
            var w = spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (ReferenceCollection c : all) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("key", c.key());
                    m.put("name", c.name());
                    m.put("parent", c.parentKey());
                    m.put("references", c.referenceKeys());
                    out.add(m);
                }
                new Json().print(w, Map.of("collections", out));
            } else {
                for (ReferenceCollection c : all) {
                    w.println("  ".repeat(depth(all, c)) + c.key() + "  " + c.name() + "  (" + c.referenceKeys().size() + ")"
                            + (c.referenceKeys().isEmpty() ? "" : ": " + String.join(", ", c.referenceKeys())));
                }
                w.flush();
            }
            return 0;
        }

        private static int depth(List<ReferenceCollection> all, ReferenceCollection c) {
            Map<String, String> parents = new LinkedHashMap<>();
            all.forEach(x -> parents.put(x.key(), x.parentKey()));
            int d = 0;
            for (String p = c.parentKey(); p != null && d < all.size(); p = parents.get(p)) {
                d++;
            }
            return d;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the collections, nested, with their references.")
    static final class ListCollections extends Base {
        @Override
        void change(CollectionStore store) {
            // nothing to change: the collections are printed
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a collection (inside another with --in).")
    static final class Create extends Base {
        @Parameters(index = "1", paramLabel = "NAME", description = "The collection's name.")
        String name;

        @Option(names = "--in", paramLabel = "COLLECTION", description = "The key of the collection to create it in.")
        String in;

        @Override
        void change(CollectionStore store) throws StudyException {
            store.create(name, in, reason);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Put references in a collection.")
    static final class Add extends Base {
        @Parameters(index = "1", paramLabel = "COLLECTION", description = "The collection's key.")
        String collection;

        @Parameters(index = "2..*", arity = "1..*", paramLabel = "KEY", description = "Reference keys.")
        List<String> keys;

        @Override
        void change(CollectionStore store) throws StudyException {
            store.add(collection, keys, reason);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Take references out of a collection (they stay in the library).")
    static final class Remove extends Base {
        @Parameters(index = "1", paramLabel = "COLLECTION", description = "The collection's key.")
        String collection;

        @Parameters(index = "2..*", arity = "1..*", paramLabel = "KEY", description = "Reference keys.")
        List<String> keys;

        @Override
        void change(CollectionStore store) throws StudyException {
            store.remove(collection, keys, reason);
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a collection and those inside it (the references stay).")
    static final class Delete extends Base {
        @Parameters(index = "1", paramLabel = "COLLECTION", description = "The collection's key.")
        String collection;

        @Override
        void change(CollectionStore store) throws StudyException {
            store.delete(collection, reason);
        }
    }
}
