package org.painlab.trial.internal.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.data.ClusteredObservations;
import org.painlab.core.data.DataProvider;
import org.painlab.core.data.DataVariable;
import org.painlab.core.data.SubjectData;
import org.painlab.core.data.TimeCourse;
import org.painlab.core.data.VariableKind;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.VisitDefinition;

/**
 * Trial's side of the core data contract: its randomized subjects with arm, stratum, baseline
 * variables and instrument scores per visit, and each arm's continuous scores over the visits'
 * planned days (ITT) as time courses. Visits without a planned day are left out of the courses,
 * and of visits planned on one day (or out of day order) only the first in visit order is used.
 */
public final class TrialDataProvider implements DataProvider {

    @Override
    public Optional<SubjectData> subjectData(Study study) throws StudyException {
        TrialStore store = new TrialStore(study);
        if (store.arms().size() < 2 || store.subjectCount() == 0) {
            return Optional.empty();
        }
        SubjectData data = TrialSubjectData.from(store);
        return data.size() == 0 ? Optional.empty() : Optional.of(data);
    }

    /**
     * One set per form of the trial's observations of repeated and per-visit forms, named
     * {@code form:<form>}: an observation per subject, visit and instance (id
     * {@code subject/visit/instance}, visit "-" when the source had no events), a column per field whose
     * values are all numbers (other fields are left out: the contract holds numbers).
     */
    @Override
    public List<ClusteredObservations> clusteredObservations(Study study) throws StudyException {
        return FormObservations.from(new TrialStore(study).observations());
    }

    @Override
    public List<TimeCourse> timeCourses(Study study) throws StudyException {
        Optional<SubjectData> found = subjectData(study);
        if (found.isEmpty()) {
            return List.of();
        }
        SubjectData data = found.get();
        List<VisitDefinition> visits = new TrialStore(study).visitDefinitions();
        List<TimeCourse> out = new ArrayList<>();
        for (DataVariable v : data.variables()) {
            if (v.kind() != VariableKind.CONTINUOUS || !v.timed()) {
                continue;
            }
            List<String> points = new ArrayList<>();
            List<Double> days = new ArrayList<>();
            for (String tp : v.timePoints()) {
                visits.stream().filter(d -> d.id().equals(tp) && d.dayOffset() != null).findFirst().ifPresent(d -> {
                    double day = d.dayOffset().doubleValue();
                    // a course needs one value per time: of visits planned on one day, the first in visit order counts
                    if (days.isEmpty() || day > days.get(days.size() - 1)) {
                        points.add(tp);
                        days.add(day);
                    }
                });
            }
            if (points.size() < 2) {
                continue;
            }
            for (int arm = 0; arm < data.arms().size(); arm++) {
                out.add(course(data, v.name(), arm, points, days));
            }
        }
        return out;
    }

    private static TimeCourse course(SubjectData data, String variable, int arm, List<String> points, List<Double> days) {
        int k = points.size();
        double[] times = new double[k];
        double[] means = new double[k];
        double[] sds = new double[k];
        int[] n = new int[k];
        for (int t = 0; t < k; t++) {
            times[t] = days.get(t);
            double[] x = data.numeric(variable, points.get(t));
            double sum = 0;
            int count = 0;
            for (int i = 0; i < x.length; i++) {
                if (data.armOf(i) == arm && !Double.isNaN(x[i])) {
                    sum += x[i];
                    count++;
                }
            }
            double mean = count == 0 ? Double.NaN : sum / count;
            double ss = 0;
            for (int i = 0; i < x.length; i++) {
                if (data.armOf(i) == arm && !Double.isNaN(x[i])) {
                    ss += (x[i] - mean) * (x[i] - mean);
                }
            }
            means[t] = mean;
            sds[t] = count > 1 ? Math.sqrt(ss / (count - 1)) : Double.NaN;
            n[t] = count;
        }
        return new TimeCourse(variable, data.arms().get(arm), "day", times, means, sds, n);
    }
}
