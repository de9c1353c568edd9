package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.Observation;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;

/**
 * The reads the Repeated Forms view and the Subject Grid use: one form's observations, the forms
 * with their fillings, and each subject's number of filled forms, all agreeing with
 * {@link TrialStore#observations()}.
 */
class ObservationReadsTest {
    @TempDir
    Path tmp;

    @Test
    void oneFormFormsAndCountsAgreeWithAllObservations() throws Exception {
        for (String project : List.of("redcap_repeating-instruments", "redcap_longitudinal")) {
            Path csv = RedcapReferenceTest.folder().resolve(project + ".csv");
            Study study = TrialTestStudies.create(tmp.resolve(project));
            try {
                TrialStore store = new TrialStore(study, InstrumentCatalog.installed());
                new TrialExchange(store).importFile(csv, ImportOptions.forFile(csv).withAcceptRefusals(true), null);
                Map<String, List<Observation>> all = store.observations();
                assertTrue(!all.isEmpty(), project + " has observations");

                Map<String, Long> forms = store.observationForms();
                // a filling is one subject's form at one visit and instance
                Map<String, Long> perSubject = new java.util.TreeMap<>();
                all.forEach((subject, list) -> list.stream().map(o -> o.form() + "|" + o.visit() + "|" + o.instance())
                        .distinct().forEach(k -> perSubject.merge(k.substring(0, k.indexOf('|')), 1L, Long::sum)));
                assertEquals(perSubject, forms, project);

                Map<String, Long> counts = store.observationCounts();
                all.forEach((subject, list) -> assertEquals(
                        list.stream().map(o -> o.form() + "|" + o.visit() + "|" + o.instance()).distinct().count(),
                        counts.get(subject), project + " subject " + subject));
                assertEquals(all.keySet(), counts.keySet(), project);

                for (String form : forms.keySet()) {
                    Map<String, List<Observation>> one = store.observations(form);
                    Map<String, Set<Observation>> expected = new java.util.TreeMap<>();
                    all.forEach((subject, list) -> list.stream().filter(o -> o.form().equals(form))
                            .forEach(o -> expected.computeIfAbsent(subject, k -> new java.util.HashSet<>()).add(o)));
                    Map<String, Set<Observation>> got = new java.util.TreeMap<>();
                    one.forEach((subject, list) -> got.put(subject, new java.util.HashSet<>(list)));
                    assertEquals(expected, got, project + " form " + form);
                }
            } finally {
                study.close();
            }
        }
    }

    @Test
    void repeatingBloodPressureIsFourFillingsThreeOfThemBySubjectOne() throws Exception {
        Path csv = RedcapReferenceTest.folder().resolve("redcap_repeating-instruments.csv");
        Study study = TrialTestStudies.create(tmp.resolve("rep"));
        try {
            TrialStore store = new TrialStore(study, InstrumentCatalog.installed());
            new TrialExchange(store).importFile(csv, ImportOptions.forFile(csv), null);
            assertEquals(Map.of("bp", 4L), store.observationForms());
            assertEquals(Map.of("1", 3L, "2", 1L), store.observationCounts());
            List<Observation> two = store.observations("bp").get("2");
            assertEquals(Set.of("date_bp", "bp_systolic", "bp_diastolic"), two.stream().map(Observation::field).collect(Collectors.toSet()));
            assertEquals(114.0, two.stream().filter(o -> o.field().equals("bp_systolic")).findFirst().orElseThrow().number());
            assertEquals(Map.of(), store.observations("no_such_form"));
        } finally {
            study.close();
        }
    }
}
