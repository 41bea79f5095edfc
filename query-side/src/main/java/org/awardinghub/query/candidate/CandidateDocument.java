package org.awardinghub.query.candidate;

import static org.awardinghub.query.ReadModelCollection.ID;
import static org.awardinghub.query.ReadModelCollection.enumValue;
import static org.awardinghub.query.ReadModelCollection.instant;

import java.time.LocalDate;
import java.util.List;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.query.ReadModelCollection;
import org.bson.Document;

/**
 * The stored form of a candidate in {@value CandidateProjection#COLLECTION}, and its conversions. Dates are ISO
 * strings ({@code yyyy-MM-dd}): they sort as dates and come back exactly, with no time zone involved. Beside the
 * record itself the document carries what search needs: {@value #NAME_TOKENS} and {@value #SORT_KEY}
 * ({@link CandidateNames}). Once the candidate is erased, {@value #ERASED} is true, the names read
 * {@code "(erased)"}, the date of birth null, a ULN {@code "(erased)"}, and the search fields hold no name.
 */
final class CandidateDocument {

    static final String REGISTRATION_NUMBER = "registrationNumber";
    static final String CENTRE_ID = "centreId";
    static final String FIRST_NAME = "firstName";
    static final String LAST_NAME = "lastName";
    static final String DATE_OF_BIRTH = "dateOfBirth";
    static final String ULN = "uln";
    static final String QUALIFICATION_CODE = "qualificationCode";
    static final String START_DATE = "startDate";
    static final String REGISTERED_ON = "registeredOn";
    static final String LATE = "late";
    static final String CONFIRMED_DUPLICATE = "confirmedDuplicate";
    static final String STATUS = "status";
    static final String REGISTERED_AT = "registeredAt";
    static final String UPDATED_AT = "updatedAt";
    static final String NAME_TOKENS = "nameTokens";
    static final String SORT_KEY = "sortKey";
    /** True once the candidate's personal data was erased (absent before). */
    static final String ERASED = "erased";

    /** The fields a {@link CandidateSummary} is made of, for reading no more than that. */
    static final List<String> SUMMARY_FIELDS = List.of(
            REGISTRATION_NUMBER,
            CENTRE_ID,
            FIRST_NAME,
            LAST_NAME,
            DATE_OF_BIRTH,
            ULN,
            QUALIFICATION_CODE,
            STATUS,
            LATE,
            REGISTERED_ON);

    private CandidateDocument() {}

    static String date(LocalDate date) {
        return ReadModelCollection.isoDate(date);
    }

    static LocalDate localDate(Document document, String key) {
        return ReadModelCollection.localDate(document, key);
    }

    static CandidateView view(Document candidate) {
        return new CandidateView(
                candidate.getString(ID),
                candidate.getString(REGISTRATION_NUMBER),
                candidate.getString(CENTRE_ID),
                candidate.getString(FIRST_NAME),
                candidate.getString(LAST_NAME),
                localDate(candidate, DATE_OF_BIRTH),
                candidate.getString(ULN),
                candidate.getString(QUALIFICATION_CODE),
                localDate(candidate, START_DATE),
                localDate(candidate, REGISTERED_ON),
                candidate.getBoolean(LATE, false),
                enumValue(CandidateStatus.class, candidate, STATUS),
                candidate.getBoolean(ERASED, false),
                List.of(),
                null,
                instant(candidate, UPDATED_AT),
                ReadModelCollection.sequence(candidate));
    }

    static CandidateSummary summary(Document candidate) {
        return new CandidateSummary(
                candidate.getString(ID),
                candidate.getString(REGISTRATION_NUMBER),
                candidate.getString(CENTRE_ID),
                candidate.getString(FIRST_NAME),
                candidate.getString(LAST_NAME),
                localDate(candidate, DATE_OF_BIRTH),
                candidate.getString(ULN),
                candidate.getString(QUALIFICATION_CODE),
                enumValue(CandidateStatus.class, candidate, STATUS),
                candidate.getBoolean(LATE, false),
                localDate(candidate, REGISTERED_ON));
    }
}
