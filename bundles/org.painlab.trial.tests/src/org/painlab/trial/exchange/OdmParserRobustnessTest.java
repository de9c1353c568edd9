package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.importer.ImportException;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;

/**
 * A finding of the ODM fuzz target (corpus file nul-byte-in-dtd.xml of releng/org.painlab.fuzz): a
 * NUL byte inside a DTD made the JDK's XML parser throw MissingResourceException (it has no message
 * for that error), which escaped the importer. It is now a problem naming the file.
 */
class OdmParserRobustnessTest {
    @TempDir
    Path tmp;

    @Test
    void aNulByteInTheDtdIsNotWellFormedXmlNotAMissingResource() throws Exception {
        Path f = tmp.resolve("nul.xml");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE ODM [<!ENTITY a \"aaaa\"><!E\u0000NTITY b \"&a;\">]>"
                + "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\"><ClinicalData StudyOID=\"S\"/></ODM>";
        Files.write(f, xml.getBytes(StandardCharsets.UTF_8));
        try (Study study = TrialTestStudies.create(tmp.resolve("study"))) {
            TrialExchange x = new TrialExchange(new TrialStore(study, InstrumentCatalog.installed()));
            ImportException e = assertThrows(ImportException.class,
                    () -> x.importFile(f, ImportOptions.forFile(f).withFormat(ExchangeFormat.ODM), null));
            assertTrue(e.getMessage().startsWith("nul.xml:") && e.getMessage().contains("not well-formed XML"), e.getMessage());
        }
    }

    /**
     * A finding of the ODM fuzz target (corpus file attribute-cut-by-a-second-document.xml): the file
     * breaks off inside an attribute, after two ItemData were counted. The refusal says where the XML
     * stops being well-formed; it does not add "values do not add up", because a file that could not
     * be read to its end is not accounted for past that point.
     */
    @Test
    void aFileThatBreaksOffAfterItsFirstValuesIsNotWellFormedNotACountMismatch() throws Exception {
        Path f = tmp.resolve("cut.xml");
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" FileType=\"Snapshot\" FileOID=\"f1\" ODMVersion=\"1.3.2\">\n"
                + "<Study OID=\"S1\"><MetaDataVersion OID=\"v1\" Name=\"v1\">\n"
                + "<FormDef OID=\"F.BASE\" Name=\"baseline\" Repeating=\"No\"><ItemGroupRef ItemGroupOID=\"IG.BASE\" Mandatory=\"Yes\"/></FormDef>\n"
                + "<ItemGroupDef OID=\"IG.BASE\" Name=\"base\" Repeating=\"No\"><ItemRef ItemOID=\"I.AGE\" Mandatory=\"No\"/></ItemGroupDef>\n"
                + "<ItemDef OID=\"I.AGE\" Name=\"age\" DataType=\"integer\"/>\n"
                + "</MetaDataVersion></Study>\n"
                + "<ClinicalData StudyOID=\"S1\" MetaDataVersionOID=\"v1\">\n"
                + "<SubjectData SubjectKey=\"O-1\"><StudyEventData StudyEventOID=\"SE.ADMISSION\"><FormData FormOID=\"F.BASE\">"
                + "<ItemGroupData ItemGroupOID=\"IG.BASE\"><ItemData ItemOID=\"I.AGE\" Value=\"52\"/></ItemGroupData></FormData>"
                + "<FormData FormOID=\"F.VAS<?xml version=\"1.0\"?>\n"
                + "</ClinicalData></ODM>\n";
        Files.write(f, xml.getBytes(StandardCharsets.UTF_8));
        try (Study study = TrialTestStudies.create(tmp.resolve("study"))) {
            TrialExchange x = new TrialExchange(new TrialStore(study, InstrumentCatalog.installed()));
            ImportException e = assertThrows(ImportException.class,
                    () -> x.importFile(f, ImportOptions.forFile(f).withFormat(ExchangeFormat.ODM), null));
            assertTrue(e.getMessage().startsWith("cut.xml:") && e.getMessage().contains("not well-formed XML"), e.getMessage());
            assertFalse(e.getMessage().contains("do not add up"), e.getMessage());
        }
    }
}
