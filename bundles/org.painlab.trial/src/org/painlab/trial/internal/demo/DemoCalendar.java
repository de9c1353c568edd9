package org.painlab.trial.internal.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.trial.demo.DemoScreening;
import org.painlab.trial.demo.DemoSubject;

/**
 * The dates of the SIMULATED demo trial, derived from the screening order and the schedule alone (no
 * random numbers, so the generator's values, counts and tables stay as they are): recruitment runs
 * {@value #RECRUITMENT_DAYS} days from {@link #START}, screenings evenly spread over it in screening
 * order; a randomized person is admitted, screened and enrolled on the same day; the nerve root block
 * is given the next day and the surgery the day after (visit {@code pre_surgery}, planned day 0); then
 * {@code day3} on day 3 and {@code month3} on day 90 give or take up to 7 days (a fixed pattern by
 * allocation seq, as visit windows allow). Only visits the subject attended get a date.
 */
final class DemoCalendar {
    /** The first screening day. */
    static final LocalDate START = LocalDate.of(2024, 1, 8);
    /** How long recruitment runs, whatever the number screened. */
    static final int RECRUITMENT_DAYS = 730;
    /** Days from admission to the surgery (the block is given the day between). */
    static final int ADMISSION_TO_SURGERY = 2;

    private final Map<String, LocalDate> screened = new LinkedHashMap<>();
    private final Map<String, LocalDate> enrolled = new LinkedHashMap<>();

    /**
     * Dates the screenings and enrolments.
     *
     * @param screenings everyone screened, in screening order
     */
    DemoCalendar(List<DemoScreening> screenings) {
        int n = Math.max(1, screenings.size());
        for (int i = 0; i < screenings.size(); i++) {
            DemoScreening s = screenings.get(i);
            LocalDate day = START.plusDays((long) i * RECRUITMENT_DAYS / n);
            screened.put(s.screeningId(), day);
            if (s.subjectId() != null) {
                enrolled.put(s.subjectId(), day);
            }
        }
    }

    /**
     * The day a person was screened.
     *
     * @param screeningId the screening id
     * @return the date
     */
    LocalDate screenedOn(String screeningId) {
        return screened.get(screeningId);
    }

    /**
     * The day a subject was randomized (its screening and admission day).
     *
     * @param subjectId the subject
     * @return the date
     */
    LocalDate enrolledOn(String subjectId) {
        return enrolled.get(subjectId);
    }

    /**
     * The dates of the visits a subject attended, in visit order.
     *
     * @param s the subject
     * @return visit id to date (visits the subject missed are absent)
     */
    Map<String, LocalDate> visitDates(DemoSubject s) {
        LocalDate admission = enrolledOn(s.subjectId());
        LocalDate surgery = admission.plusDays(ADMISSION_TO_SURGERY);
        Map<String, LocalDate> out = new LinkedHashMap<>();
        for (String visit : s.visits().keySet()) {
            LocalDate d = switch (visit) {
                case "admission" -> admission;
                case "pre_surgery" -> surgery;
                case "day3" -> surgery.plusDays(3);
                case "month3" -> surgery.plusDays(90 + window(s.seq()));
                default -> null;
            };
            if (d != null) {
                out.put(visit, d);
            }
        }
        return out;
    }

    /** A fixed spread of -7..+7 days around day 90, by allocation seq. */
    static int window(int seq) {
        return (seq * 5) % 15 - 7;
    }
}
