package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.data.ClusteredObservations;
import org.painlab.core.importer.ImportSummary;
import org.painlab.trial.internal.data.TrialDataProvider;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.Observation;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;

/**
 * Repeated forms (REDCap repeating instruments, ODM repeat keys) and forms filled at several events
 * arrive as observations with their visit and instance, reach the analyses through the core data
 * contract, and survive export to REDCap and ODM and import again.
 */
class ObservationRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void repeatingInstrumentRowsArriveAsInstancesAndReachTheDataContract() throws Exception {
        Path csv = RedcapReferenceTest.folder().resolve("redcap_repeating-instruments.csv");
        Study study = TrialTestStudies.create(tmp.resolve("rep"));
        try {
            TrialStore store = new TrialStore(study, InstrumentCatalog.installed());
            ImportSummary summary = new TrialExchange(store).importFile(csv, ImportOptions.forFile(csv), null);
            assertEquals(List.of(), summary.report().refused());
            List<Observation> first = store.observations().get("1");
            // record 1 has three bp instances: date, systolic and diastolic each
            assertEquals(Set.of(1, 2, 3), first.stream().filter(o -> o.form().equals("bp")).map(Observation::instance)
                    .collect(java.util.stream.Collectors.toSet()));
            Observation sys1 = first.stream().filter(o -> o.field().equals("bp_systolic") && o.instance() == 1).findFirst().orElseThrow();
            assertEquals(110.0, sys1.number());
            assertEquals("", sys1.visit(), "a classic project has no events");
            assertEquals("2019-10-14", store.subjectRecord("1").orElseThrow().baseline().get("date_enrolled").toString(),
                    "the plain row stays one value per subject");

            List<ClusteredObservations> sets = new TrialDataProvider().clusteredObservations(study);
            ClusteredObservations bp = sets.stream().filter(c -> c.name().equals("form:bp")).findFirst().orElseThrow();
            assertTrue(bp.columns().containsAll(Set.of("bp_systolic", "bp_diastolic")), bp.columns().toString());
            assertFalse(bp.columns().contains("date_bp"), "a date is no number column");
            assertEquals("1/-/1", bp.observationId(0));
            assertEquals(110.0, bp.values("bp_systolic")[0]);
            assertTrue(bp.clusters().size() < bp.size(), "instances of one record are one cluster");
            assertEquals(summary.added().get("observations"), store.study().info().counts().get("observations"),
                    "study info counts the observations");
        } finally {
            study.close();
        }
    }

    @Test
    void observationsSurviveRedcapAndOdmRoundTrips() throws Exception {
        for (String project : List.of("redcap_repeating-instruments", "redcap_longitudinal")) {
            Path csv = RedcapReferenceTest.folder().resolve(project + ".csv");
            Study source = TrialTestStudies.create(tmp.resolve(project));
            try {
                TrialStore store = new TrialStore(source, InstrumentCatalog.installed());
                new TrialExchange(store).importFile(csv, ImportOptions.forFile(csv).withAcceptRefusals(true), null);
                Set<String> original = flat(store.observations());
                assertFalse(original.isEmpty(), project);
                for (ExchangeFormat format : List.of(ExchangeFormat.REDCAP, ExchangeFormat.ODM)) {
                    Path out = tmp.resolve(project + "-out." + (format == ExchangeFormat.ODM ? "xml" : "csv"));
                    new TrialExchange(store).exportFile(out, new ExportOptions(format, Layout.WIDE), null);
                    Study again = TrialTestStudies.create(tmp.resolve(project + "-" + format));
                    try {
                        TrialStore back = new TrialStore(again, InstrumentCatalog.installed());
                        ImportSummary s = new TrialExchange(back).importFile(out, ImportOptions.forFile(out).withFormat(format), null);
                        assertEquals(List.of(), s.report().refused(), project + " via " + format);
                        assertEquals(original, flat(back.observations()), project + " via " + format);
                        assertEquals(original.size(), s.added().get("observations"), project + " via " + format);
                        assertEquals(store.subjectRecord(store.subjects().get(0).id()).orElseThrow().baseline(),
                                back.subjectRecord(store.subjects().get(0).id()).orElseThrow().baseline(),
                                project + " via " + format + ": the subject-level values stay");
                    } finally {
                        again.close();
                    }
                }
            } finally {
                source.close();
            }
        }
    }

    @Test
    void aRedcapProjectGivesTheSameObservationsFromItsCsvAndItsOdmExport() throws Exception {
        for (String project : List.of("redcap_repeating-instruments", "redcap_longitudinal")) {
            Path csv = RedcapReferenceTest.folder().resolve(project + ".csv");
            Path odm = RedcapReferenceTest.folder().resolve(project + "_project.odm.xml");
            Study a = TrialTestStudies.create(tmp.resolve(project + "-csv"));
            Study b = TrialTestStudies.create(tmp.resolve(project + "-odm"));
            try {
                TrialStore fromCsv = new TrialStore(a, InstrumentCatalog.installed());
                TrialStore fromOdm = new TrialStore(b, InstrumentCatalog.installed());
                new TrialExchange(fromCsv).importFile(csv, ImportOptions.forFile(csv).withAcceptRefusals(true), null);
                new TrialExchange(fromOdm).importFile(odm, ImportOptions.forFile(odm).withAcceptRefusals(true), null);
                // REDCap's ODM export writes the line breaks of long texts as spaces (XML attribute values)
                assertEquals(spaced(flat(fromCsv.observations())), spaced(flat(fromOdm.observations())), project);
            } finally {
                a.close();
                b.close();
            }
        }
    }

    private static Set<String> spaced(Set<String> lines) {
        Set<String> out = new TreeSet<>();
        for (String l : lines) {
            out.add(l.replaceAll("\\s+", " "));
        }
        return out;
    }

    /** Observations as comparable lines: subject, form, visit, instance, field and the value (a number as a number). */
    static Set<String> flat(Map<String, List<Observation>> bySubject) {
        Set<String> out = new TreeSet<>();
        bySubject.forEach((subject, list) -> {
            for (Observation o : list) {
                out.add(subject + "|" + o.form() + "|" + o.visit() + "|" + o.instance() + "|" + o.field() + "="
                        + (o.number() != null ? o.number().toString() : o.text()));
            }
        });
        return out;
    }
}
