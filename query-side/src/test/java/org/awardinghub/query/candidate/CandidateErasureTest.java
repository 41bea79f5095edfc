package org.awardinghub.query.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awardinghub.query.ErasureStory.ERASED;
import static org.awardinghub.query.ErasureStory.KEPT;

import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.query.ErasureCheck;
import org.awardinghub.query.ErasureStory;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Page;
import org.awardinghub.query.candidate.CandidateHistoryEntry.Change;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A candidate erased (ADR 0165), in the portal's read models: their record and history keep everything but their
 * personal data, which reads "(erased)" (null for the date of birth), as a replay of their events, read after the
 * erasure, writes it; no search by name or ULN finds them, their registration number still does.
 */
@SuppressWarnings("unchecked") // SearchCandidates is answered by a raw Page, see CandidateProjection
class CandidateErasureTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final String E = PersonalData.ERASED;

    enum Index {
        MEMORY,
        MONGO;

        CandidateSearchIndex create(MongoDatabase database) {
            return this == MEMORY ? new MemoryCandidateSearchIndex() : new MongoCandidateSearchIndex(database);
        }
    }

    private CandidateProjection candidates;
    private CandidateHistoryProjection histories;

    /** The story told, the erasure applied: the live read models, as ErasureCheck leaves them. */
    private void erased(Index index) {
        candidates = null;
        ErasureCheck.erasesAndReplaysAlike(
                mongo,
                database -> {
                    CandidateProjection projection = new CandidateProjection(database, index.create(database));
                    CandidateHistoryProjection history = new CandidateHistoryProjection(database);
                    if (candidates == null) { // the first read models made are the live ones
                        candidates = projection;
                        histories = history;
                    }
                    return new Object[] {projection, history};
                },
                CandidateProjection.COLLECTION,
                CandidateHistoryProjection.COLLECTION);
    }

    private List<String> search(String centreId, String text) {
        Page<CandidateSummary> page = candidates.handle(new SearchCandidates(centreId, text, null, null, 0, 50));
        return page.items().stream().map(CandidateSummary::candidateId).toList();
    }

    @Test
    void givenCandidate_whenErased_thenRecordKeepsNumberStatusAndDatesAndSaysErased() {
        erased(Index.MEMORY);

        CandidateView view = candidates.handle(new FindCandidate(ERASED));
        assertThat(view.erased()).isTrue();
        assertThat(view.firstName()).isEqualTo(E);
        assertThat(view.lastName()).isEqualTo(E);
        assertThat(view.dateOfBirth()).isNull();
        assertThat(view.uln()).isEqualTo(E);
        assertThat(view.registrationNumber()).isEqualTo(ErasureStory.REGISTRATION_NUMBER);
        assertThat(view.qualificationCode()).isEqualTo(ErasureStory.QUALIFICATION);
        assertThat(view.status()).isEqualTo(CandidateStatus.REGISTERED);
        assertThat(view.registeredOn()).isNotNull();
        assertThat(view.updatedAt()).isEqualTo(ErasureStory.erasure().at());
        assertThat(view.version())
                .as("the erasure's sequence")
                .isEqualTo(ErasureStory.erasure().sequence());

        CandidateView kept = candidates.handle(new FindCandidate(KEPT));
        assertThat(kept.erased()).isFalse();
        assertThat(kept.firstName()).isEqualTo("Anne");
        assertThat(kept.dateOfBirth()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Index.class)
    void givenCandidateErased_whenSearched_thenNeitherNameNorUlnFindsThemButTheirRegistrationNumberDoes(Index index) {
        erased(index);

        for (String text : List.of(
                "Zoey", "Zoë", "zoe", "Quiller", "Zoey Quiller", "(erased)", "erased", ErasureStory.AMENDED_ULN)) {
            assertThat(search(null, text)).as(text).doesNotContain(ERASED);
        }
        assertThat(search(null, "Anne Smith")).containsExactly(KEPT);
        assertThat(search("c1", ErasureStory.REGISTRATION_NUMBER)).containsExactly(ERASED);
        Page<CandidateSummary> listed = candidates.handle(new SearchCandidates("c1", null, null, null, 0, 50));
        assertThat(listed.items())
                .as("listed with no name, before every name")
                .extracting(CandidateSummary::candidateId, CandidateSummary::firstName, CandidateSummary::dateOfBirth)
                .containsExactly(tuple(ERASED, E, null), tuple(KEPT, "Anne", LocalDate.of(1999, 9, 9)));
    }

    @Test
    void givenCandidateErased_whenHistoryAsked_thenEveryEntryKeptWithReasonsAndPersonalValuesErasedThenTheErasure() {
        erased(Index.MEMORY);

        List<CandidateHistoryEntry> history = histories.handle(new FindCandidateHistory(ERASED));

        assertThat(history)
                .extracting(CandidateHistoryEntry::type)
                .containsExactly(
                        "CandidateRegistered",
                        "CandidateNameAmended",
                        "CandidateDateOfBirthAmended",
                        "CandidateUlnAmended",
                        "CandidateQualificationAmended",
                        "CandidateQualificationAmended",
                        "CandidateTransferred",
                        "CandidateTransferred",
                        "CandidateWithdrawn",
                        "CandidateReinstated",
                        "CandidateCertificated",
                        "CandidateCertificateRevoked",
                        "CandidateErased");
        assertThat(history.subList(0, history.size() - 1))
                .extracting(CandidateHistoryEntry::reason)
                .containsOnly(E, null);
        Change erased = new Change(E, E);
        assertThat(history.get(0).changes())
                .containsEntry("firstName", new Change(null, E))
                .containsEntry("lastName", new Change(null, E))
                .containsEntry("dateOfBirth", new Change(null, E))
                .containsEntry("uln", new Change(null, E))
                .containsEntry("registrationNumber", new Change(null, ErasureStory.REGISTRATION_NUMBER));
        assertThat(history.get(1).changes())
                .as("which name changed is no longer known: both read erased")
                .isEqualTo(Map.of("firstName", erased, "lastName", erased));
        assertThat(history.get(2).changes()).isEqualTo(Map.of("dateOfBirth", erased));
        assertThat(history.get(3).changes()).isEqualTo(Map.of("uln", erased));
        assertThat(history.get(4).changes()).isEqualTo(Map.of("qualificationCode", new Change("EPF", "MV3")));
        assertThat(history.get(6).changes()).isEqualTo(Map.of("centreId", new Change("c1", "c2")));
        CandidateHistoryEntry erasure = history.get(history.size() - 1);
        assertThat(erasure.at()).isEqualTo(ErasureStory.erasure().at());
        assertThat(erasure.actorPin()).isEqualTo("90000001");
        assertThat(erasure.reason()).isEqualTo("retention period over");
        assertThat(erasure.changes()).isEmpty();

        assertThat(histories.handle(new FindCandidateHistory(KEPT)).get(1).changes())
                .isEqualTo(Map.of("firstName", new Change("Ann", "Anne")));
    }
}
