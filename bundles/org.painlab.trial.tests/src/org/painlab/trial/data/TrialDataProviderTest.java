package org.painlab.trial.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.data.StudyData;
import org.painlab.core.data.StudyData.Provided;
import org.painlab.core.data.SubjectData;
import org.painlab.core.data.TimeCourse;
import org.painlab.core.data.VariableKind;
import org.painlab.core.link.LinkTargets;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;

/** Trial offers its data through the core data contract, by contribution, and resolves its link targets. */
class TrialDataProviderTest {
    @TempDir
    Path tmp;

    @Test
    void theDemoTrialReachesAnalysesThroughTheContract() throws Exception {
        try (Study s = TrialTestStudies.demo(tmp.resolve("demo"))) {
            Provided<SubjectData> p = new StudyData().requireSubjectData(s);
            assertEquals("org.painlab.trial", p.provider());
            SubjectData d = p.data();
            assertEquals(77, d.size(), "every randomized subject");
            assertEquals(List.of("S", "P"), d.arms());
            assertTrue(d.populations().containsAll(List.of("ITT", "PP")), d.populations().toString());
            assertEquals(VariableKind.CONTINUOUS, d.variable("vas").kind());
            assertEquals(List.of("admission", "pre_surgery", "day3", "month3"), d.variable("vas").timePoints());
            assertEquals(VariableKind.ORDINAL, d.variable("macnab").kind());
            assertEquals(d.fingerprint(), new StudyData().requireSubjectData(s).data().fingerprint(), "reads are stable");
        }
    }

    @Test
    void armMeansOverTheVisitDaysAreTimeCourses() throws Exception {
        try (Study s = TrialTestStudies.demo(tmp.resolve("demo"))) {
            SubjectData d = new StudyData().requireSubjectData(s).data();
            List<TimeCourse> courses = new StudyData().timeCourses(s);
            TimeCourse vasS = courses.stream().filter(c -> c.outcome().equals("vas") && c.group().equals("S"))
                    .findFirst().orElseThrow();
            // admission and the pre-surgery visit share day 0: the first of them (admission) stands for the day
            assertEquals(List.of(0.0, 3.0, 90.0), java.util.Arrays.stream(vasS.times()).boxed().toList());
            assertEquals(List.of("vas", "odi", "joa"), courses.stream().filter(c -> c.group().equals("S")).map(TimeCourse::outcome).distinct().limit(3).toList());
            double[] month3 = d.numeric("vas", "month3");
            double sum = 0;
            int n = 0;
            for (int i = 0; i < d.size(); i++) {
                if (d.armOf(i) == 0 && !Double.isNaN(month3[i])) {
                    sum += month3[i];
                    n++;
                }
            }
            assertEquals(n, vasS.n()[2]);
            assertEquals(sum / n, vasS.means()[2], 1e-12);
        }
    }

    @Test
    void subjectsAndVisitsAreLinkTargets() throws Exception {
        try (Study s = TrialTestStudies.demo(tmp.resolve("demo"))) {
            Subject first = new TrialStore(s).subjects().stream().filter(x -> x.armCode() != null).findFirst().orElseThrow();
            LinkTargets links = new LinkTargets();
            assertEquals(Optional.of("Subject " + first.id() + " (arm " + first.armCode() + ")"),
                    links.resolve(s, "subject", first.id()));
            assertEquals(Optional.of("3 days after surgery of Subject " + first.id() + " (arm " + first.armCode() + ")"),
                    links.resolve(s, "visit", first.id() + "/day3"));
            assertEquals(Optional.empty(), links.resolve(s, "subject", "NOBODY"));
            assertEquals(Optional.empty(), links.resolve(s, "visit", first.id() + "/year9"));
            links.link(s, "visit", first.id() + "/day3", "subject", first.id(), "test");
            assertEquals(1, links.linksOf(s, "subject", first.id()).size());
        }
    }
}
