package org.painlab.literature.internal;

import java.util.List;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.data.DataProvider;
import org.painlab.core.data.StudyAggregate;
import org.painlab.literature.EffectStore;
import org.painlab.literature.ExtractedEffect;

/**
 * Literature's side of the core data contract: the outcome numbers extracted from the study's
 * references, as study-level aggregates (source = the reference's key), so pooling them needs no
 * re-typing.
 */
public final class LiteratureDataProvider implements DataProvider {

    @Override
    public List<StudyAggregate> aggregates(Study study) throws StudyException {
        return new EffectStore(study, null).list().stream().map(ExtractedEffect::aggregate).toList();
    }
}
