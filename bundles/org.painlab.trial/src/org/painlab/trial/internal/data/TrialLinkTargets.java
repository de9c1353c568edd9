package org.painlab.trial.internal.data;

import java.util.Optional;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.link.LinkTarget;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.TrialStore;

/** The trial items a note or result can link to: subjects (key: subject id) and visits (key: subject/visit). */
public final class TrialLinkTargets {
    private TrialLinkTargets() {
    }

    /** Links to a subject; the key is the subject id. */
    public static final class SubjectTarget implements LinkTarget {
        @Override
        public Optional<String> resolve(Study study, String key) throws StudyException {
            return new TrialStore(study).subject(key).map(TrialLinkTargets::label);
        }
    }

    /** Links to one visit of a subject; the key is {@code subjectId/visitId}. */
    public static final class VisitTarget implements LinkTarget {
        @Override
        public Optional<String> resolve(Study study, String key) throws StudyException {
            int slash = key.lastIndexOf('/');
            if (slash <= 0) {
                return Optional.empty();
            }
            String subjectId = key.substring(0, slash);
            String visitId = key.substring(slash + 1);
            TrialStore store = new TrialStore(study);
            Optional<Subject> s = store.subject(subjectId);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            return store.visitDefinitions().stream().filter(v -> v.id().equals(visitId)).findFirst()
                    .map(v -> v.label() + " of " + label(s.get()));
        }
    }

    private static String label(Subject s) {
        return "Subject " + s.id() + (s.armCode() == null ? "" : " (arm " + s.armCode() + ")");
    }
}
