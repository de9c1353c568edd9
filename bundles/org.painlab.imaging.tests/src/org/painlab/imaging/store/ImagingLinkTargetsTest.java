package org.painlab.imaging.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.link.ItemLink;
import org.painlab.core.link.LinkTargets;
import org.painlab.imaging.ScanSite;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.evaluate.CrossValidationAnalysis;
import org.painlab.imaging.evaluate.ModelTraining;
import org.painlab.imaging.evaluate.SyntheticCases;
import org.painlab.imaging.synth.ScanCondition;
import org.painlab.imaging.synth.SimulatedScan;
import org.painlab.imaging.synth.UltrasoundModel;
import org.painlab.imaging.synth.UltrasoundSimulator;

/** Volumes and saved models as link targets of core's links: labels, links, backlinks, and gone when deleted. */
class ImagingLinkTargetsTest {
    @TempDir
    Path tmp;

    private static NewVolume volume(String subject, ScanSite.Side side, String level) {
        SimulatedScan s = new UltrasoundSimulator(UltrasoundModel.defaults().withSize(12, 16, 4)).simulate(
                new ScanCondition(0.4, 0, 4, 10, 0, 0, 3));
        return new NewVolume(subject, new ScanSite(side, level), s.image(), s.mask(), 2, 0.4, "simulated", null);
    }

    /**
     * The links without their time: {@code link} returns the clock's nanoseconds while the study stores
     * microseconds, so a returned link and the same link read back differ only in {@code created}.
     */
    private static List<String> ends(List<ItemLink> links) {
        return links.stream().map(l -> l.id() + " " + l.fromType() + ":" + l.fromKey() + " -> " + l.toType() + ":" + l.toKey()).toList();
    }

    @Test
    void aVolumeResolvesToItsSubjectSiteAndFileAndIsGoneWithItsFile() throws Exception {
        try (Study study = Study.create(tmp.resolve("s"), "t", StudySchemas.contributed())) {
            StoredVolume v = new ImagingStore(study).add(volume("P7", ScanSite.Side.LEFT, "L4-L5"), "tester");
            LinkTargets links = new LinkTargets();
            assertTrue(links.contributions().stream().anyMatch(c -> c.id().equals("volume")), "volume is installed");
            assertEquals(Optional.of("Volume " + v.id() + ": subject P7, left L4-L5, imaging/P7/left-L4-L5.nrrd"),
                    links.resolve(study, "volume", Long.toString(v.id())));
            assertEquals(Optional.of("Mask " + v.maskId() + ": subject P7, left L4-L5, imaging/P7/left-L4-L5-mask.nrrd"),
                    links.resolve(study, "volume", Long.toString(v.maskId())));
            assertEquals(Optional.empty(), links.resolve(study, "volume", "999"));
            assertEquals(Optional.empty(), links.resolve(study, "volume", "not-a-number"));

            // the mask is the image's region of interest: a link between two volumes, seen from both ends
            ItemLink l = links.link(study, "volume", Long.toString(v.maskId()), "volume", Long.toString(v.id()), "tester");
            assertEquals(ends(List.of(l)), ends(links.linksOf(study, "volume", Long.toString(v.id()))));
            assertEquals(ends(List.of(l)), ends(links.linksOf(study, "volume", Long.toString(v.maskId()))));
            StudyException e = assertThrows(StudyException.class, () -> links.link(study, "volume", "999", "volume",
                    Long.toString(v.id()), "tester"));
            assertTrue(e.getMessage().contains("no volume '999'"), e.getMessage());

            Files.delete(study.filesFolder().resolve(v.file()));
            assertEquals(Optional.empty(), links.resolve(study, "volume", Long.toString(v.id())), "gone with its file");
            assertEquals(1, links.linksOf(study, "volume", Long.toString(v.id())).size(), "the link itself is kept");
        }
    }

    @Test
    void aSavedModelResolvesWhileItsFileIsThereAndLinksToTheVolumesItGraded() throws Exception {
        try (Study study = Study.create(tmp.resolve("m"), "t", StudySchemas.contributed())) {
            StoredVolume v = new ImagingStore(study).add(volume("P1", ScanSite.Side.RIGHT, "L5-S1"), "tester");
            ModelTraining.Outcome trained = new ModelTraining(new CrossValidationAnalysis(s -> SyntheticCases.make(12, 2, 2.0, 4)))
                    .run(study, Map.of(CrossValidationAnalysis.MODEL, "rf", CrossValidationAnalysis.FOLDS, "3", CrossValidationAnalysis.SEED,
                            "2", "trees", "20", "trees_per_step", "10"), "tester", TrainingListener.NONE, new NullProgressMonitor());
            String key = Long.toString(trained.result().id());
            LinkTargets links = new LinkTargets();
            assertEquals(Optional.of("Model rf trained on all cases (result " + key + ", files/models/rf-result" + key + ".model)"),
                    links.resolve(study, "model", key));
            assertEquals(Optional.empty(), links.resolve(study, "model", "12345"), "no such result");
            ItemLink graded = links.link(study, "model", key, "volume", Long.toString(v.id()), "tester");
            ItemLink from = links.link(study, "result", key, "volume", Long.toString(v.id()), "tester");
            assertEquals(ends(List.of(graded, from)), ends(links.linksOf(study, "volume", Long.toString(v.id()))),
                    "backlinks of the volume");
            assertEquals(ends(List.of(graded)), ends(links.linksOf(study, "model", key)));

            Files.delete(trained.modelFile());
            assertEquals(Optional.empty(), links.resolve(study, "model", key), "gone with its file");
            assertTrue(links.resolve(study, "result", key).isPresent(), "the cross-validation itself is still stored");
        }
    }
}
