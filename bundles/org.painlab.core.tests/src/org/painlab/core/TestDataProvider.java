package org.painlab.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.painlab.core.data.DataProvider;
import org.painlab.core.data.StudyAggregate;
import org.painlab.core.data.SubjectData;

/** Subject data from {@code files/values.csv} of a study (lines {@code id,arm,value}); none without the file. */
public class TestDataProvider implements DataProvider {
    @Override
    public Optional<SubjectData> subjectData(Study study) throws StudyException {
        Path file = study.filesFolder().resolve("values.csv");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        List<String> arms = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split(",");
                ids.add(f[0]);
                arms.add(f[1]);
                values.add(Double.parseDouble(f[2]));
            }
        } catch (IOException e) {
            throw new StudyException(file + ": " + e.getMessage(), e);
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        return Optional.of(SubjectData.builder(List.of("A", "B")).subjects(ids, arms).numeric("value", null, v).build());
    }

    @Override
    public List<StudyAggregate> aggregates(Study study) {
        return List.of(new StudyAggregate("doi:10/test", "vas", "3 months", "A", 40, 2.5, 1.1, null, null, "Table 2"));
    }
}
