package org.awardinghub.query.candidate;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static org.awardinghub.query.ReadModelCollection.ID;
import static org.awardinghub.query.ReadModelCollection.date;
import static org.awardinghub.query.candidate.CandidateDocument.CENTRE_ID;
import static org.awardinghub.query.candidate.CandidateDocument.FIRST_NAME;
import static org.awardinghub.query.candidate.CandidateDocument.LAST_NAME;
import static org.awardinghub.query.candidate.CandidateDocument.NAME_TOKENS;
import static org.awardinghub.query.candidate.CandidateDocument.SORT_KEY;
import static org.awardinghub.query.candidate.CandidateDocument.STATUS;
import static org.awardinghub.query.candidate.CandidateDocument.UPDATED_AT;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.candidate.CandidateCertificateRevoked;
import org.awardinghub.events.candidate.CandidateCertificated;
import org.awardinghub.events.candidate.CandidateDateOfBirthAmended;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateReinstated;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateUlnAmended;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.query.Erased;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Candidates as the portal shows them: one document per candidate in {@value #COLLECTION} ({@code _id} =
 * candidate id), with the fields search needs ({@link CandidateDocument}). After every write it hands the
 * candidate, as written, to the {@link CandidateSearchIndex}, which answers {@link SearchCandidates}.
 */
@Component
@ProcessingGroup(CandidateProjection.PROCESSING_GROUP)
public class CandidateProjection {

    /** The portal's event processor: a pooled one, configured by the application. */
    public static final String PROCESSING_GROUP = "portal";

    public static final String COLLECTION = "candidates";

    private final ReadModelCollection candidates;
    private final CandidateSearchIndex search;

    public CandidateProjection(MongoDatabase database, CandidateSearchIndex search) {
        this.candidates = new ReadModelCollection(database, COLLECTION);
        this.search = search;
    }

    @EventHandler
    void on(CandidateRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        CandidateNames.Searchable names = CandidateNames.searchable(event.firstName(), event.lastName());
        Document candidate = new Document()
                .append(CandidateDocument.REGISTRATION_NUMBER, event.registrationNumber())
                .append(CENTRE_ID, event.centreId())
                .append(FIRST_NAME, event.firstName())
                .append(LAST_NAME, event.lastName())
                .append(CandidateDocument.DATE_OF_BIRTH, CandidateDocument.date(event.dateOfBirth()))
                .append(CandidateDocument.ULN, event.uln())
                .append(CandidateDocument.QUALIFICATION_CODE, event.qualificationCode())
                .append(CandidateDocument.START_DATE, CandidateDocument.date(event.startDate()))
                .append(CandidateDocument.REGISTERED_ON, CandidateDocument.date(event.registeredOn()))
                .append(CandidateDocument.LATE, event.late())
                .append(CandidateDocument.CONFIRMED_DUPLICATE, event.confirmedDuplicate())
                .append(STATUS, CandidateStatus.REGISTERED.name())
                .append(CandidateDocument.REGISTERED_AT, date(at))
                .append(UPDATED_AT, date(at))
                .append(NAME_TOKENS, names.tokens())
                .append(SORT_KEY, names.sortKey());
        if (candidates.insert(event.candidateId(), sequence, candidate)) {
            search.put(CandidateDocument.summary(candidate.append(ID, event.candidateId())), sequence);
        }
    }

    @EventHandler
    void on(CandidateNameAmended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        // an amendment of one name may carry the other unchanged, or (defensively) not at all
        String firstName = event.firstName() != null ? event.firstName() : event.oldFirstName();
        String lastName = event.lastName() != null ? event.lastName() : event.oldLastName();
        CandidateNames.Searchable names = CandidateNames.searchable(firstName, lastName);
        change(
                event.candidateId(),
                sequence,
                at,
                set(FIRST_NAME, firstName),
                set(LAST_NAME, lastName),
                set(NAME_TOKENS, names.tokens()),
                set(SORT_KEY, names.sortKey()));
    }

    @EventHandler
    void on(CandidateDateOfBirthAmended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(
                event.candidateId(),
                sequence,
                at,
                set(CandidateDocument.DATE_OF_BIRTH, CandidateDocument.date(event.dateOfBirth())));
    }

    @EventHandler
    void on(CandidateUlnAmended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.candidateId(), sequence, at, set(CandidateDocument.ULN, event.uln()));
    }

    @EventHandler
    void on(CandidateQualificationAmended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.candidateId(), sequence, at, set(CandidateDocument.QUALIFICATION_CODE, event.qualificationCode()));
    }

    @EventHandler
    void on(CandidateTransferred event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.candidateId(), sequence, at, set(CENTRE_ID, event.toCentreId()));
    }

    @EventHandler
    void on(CandidateWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.candidateId(), sequence, at, set(STATUS, CandidateStatus.WITHDRAWN.name()));
    }

    /** Back to registered, as the command side has it (a certificate held is certification's read model to show). */
    @EventHandler
    void on(CandidateReinstated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.candidateId(), sequence, at, set(STATUS, CandidateStatus.REGISTERED.name()));
    }

    /** The claim's certificate was issued. Which numbers the candidate holds is certification's read model to say. */
    @EventHandler
    void on(CandidateCertificated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        // as the candidate's own rule has it: a withdrawn candidate stays WITHDRAWN
        CandidateStatus now = currentStatus(event.candidateId());
        change(
                event.candidateId(),
                sequence,
                at,
                set(
                        STATUS,
                        (now == CandidateStatus.WITHDRAWN ? CandidateStatus.WITHDRAWN : CandidateStatus.CERTIFICATED)
                                .name()));
    }

    /** The certificate was revoked: registered again, holding none (a withdrawn candidate stays WITHDRAWN). */
    @EventHandler
    void on(CandidateCertificateRevoked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        CandidateStatus now = currentStatus(event.candidateId());
        change(
                event.candidateId(),
                sequence,
                at,
                set(STATUS, (now == CandidateStatus.CERTIFICATED ? CandidateStatus.REGISTERED : now).name()));
    }

    /**
     * The candidate's personal data erased (ADR 0165): the names and a ULN read "(erased)", the date of birth null, as
     * the candidate's events now read themselves, so that a replay writes the same; the search fields hold no name,
     * so that no search by name or ULN finds them (the registration number still does). A ULN never given stays null.
     */
    @EventHandler
    void on(CandidateErased event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Document stored = candidates.find(event.candidateId());
        String uln = stored == null ? null : stored.getString(CandidateDocument.ULN);
        CandidateNames.Searchable names = CandidateNames.searchable(PersonalData.ERASED, PersonalData.ERASED);
        change(
                event.candidateId(),
                sequence,
                at,
                set(FIRST_NAME, PersonalData.ERASED),
                set(LAST_NAME, PersonalData.ERASED),
                set(CandidateDocument.DATE_OF_BIRTH, null),
                set(CandidateDocument.ULN, Erased.text(uln)),
                set(NAME_TOKENS, names.tokens()),
                set(SORT_KEY, names.sortKey()),
                set(CandidateDocument.ERASED, true));
    }

    /** The status the document holds now (REGISTERED if it is somehow missing: the guarded update then skips). */
    private CandidateStatus currentStatus(String candidateId) {
        Document candidate = candidates.find(candidateId);
        String status = candidate == null ? null : candidate.getString(STATUS);
        return status == null ? CandidateStatus.REGISTERED : CandidateStatus.valueOf(status);
    }

    @ResetHandler
    void reset() {
        candidates.deleteAll();
        search.clear();
    }

    @QueryHandler
    CandidateView handle(FindCandidate query) {
        Document candidate = candidates.find(query.candidateId());
        return candidate == null ? null : CandidateDocument.view(candidate);
    }

    /**
     * Declared raw on purpose: Axon matches the API's {@code ResponseTypes.instanceOf(Page.class)} only against a
     * plain class, never against {@code Page<CandidateSummary>}. The items are {@link CandidateSummary}s.
     */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(SearchCandidates query) {
        return search.search(query);
    }

    private void change(String candidateId, long sequence, Instant at, Bson... updates) {
        List<Bson> all = new ArrayList<>(List.of(updates));
        all.add(set(UPDATED_AT, date(at)));
        Document candidate = candidates.updateAndGet(candidateId, sequence, combine(all));
        if (candidate != null) {
            search.put(CandidateDocument.summary(candidate), sequence);
        }
    }
}
