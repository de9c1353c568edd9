package org.painlab.trial.exchange;

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
}
