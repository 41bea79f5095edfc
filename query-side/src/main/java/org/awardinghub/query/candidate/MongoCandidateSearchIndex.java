package org.awardinghub.query.candidate;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Sorts.ascending;
import static org.awardinghub.query.ReadModelCollection.ID;
import static org.awardinghub.query.ReadModelCollection.isoDate;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Candidate search as queries on the candidates collection, for a real MongoDB (a replica set, any number of
 * application nodes): each candidate document carries its folded {@code nameTokens}, its {@code sortKey} and the
 * fields filtered on, and the indexes asked for here serve the queries — equality on centre, status,
 * qualification, registration number or ULN, anchored {@code ^word} regular expressions on the tokens, ordered by
 * {@code sortKey, _id}. The embedded mongo-java-server answers the same queries correctly but ignores non-unique
 * indexes and scans the collection (seconds at 100,000 candidates): there, use {@link MemoryCandidateSearchIndex}.
 */
final class MongoCandidateSearchIndex implements CandidateSearchIndex {

    private final ReadModelCollection candidates;

    public MongoCandidateSearchIndex(MongoDatabase database) {
        this.candidates = new ReadModelCollection(database, CandidateProjection.COLLECTION);
        candidates.ensureIndex(Indexes.ascending(CandidateDocument.CENTRE_ID, CandidateDocument.SORT_KEY, ID));
        candidates.ensureIndex(Indexes.ascending(CandidateDocument.SORT_KEY, ID));
        candidates.ensureIndex(Indexes.ascending(CandidateDocument.NAME_TOKENS));
        candidates.ensureIndex(Indexes.ascending(CandidateDocument.REGISTRATION_NUMBER));
        candidates.ensureIndex(Indexes.ascending(CandidateDocument.ULN));
        candidates.ensureIndex(Indexes.ascending(CandidateDocument.CENTRE_ID, CandidateDocument.REGISTERED_ON));
    }

    /** Nothing to keep: the projection writes the search fields into the documents themselves. */
    /** MongoDB's own indexes: nothing to load. */
    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public void put(CandidateSummary candidate, long sequence) {}

    /** Nothing to forget: the projection's reset empties the collection. */
    @Override
    public void clear() {}

    @Override
    public Page<CandidateSummary> search(SearchCandidates query) {
        SearchText text = SearchText.of(query.text());
        List<Bson> filters = new ArrayList<>();
        if (query.centreId() != null) {
            filters.add(eq(CandidateDocument.CENTRE_ID, query.centreId()));
        }
        List<Bson> scope = List.copyOf(filters);
        if (query.status() != null) {
            filters.add(eq(CandidateDocument.STATUS, query.status().name()));
        }
        if (query.qualificationCode() != null && !query.qualificationCode().isBlank()) {
            filters.add(eq(CandidateDocument.QUALIFICATION_CODE, query.qualificationCode()));
        }
        if (query.registeredFrom() != null) {
            filters.add(Filters.gte(CandidateDocument.REGISTERED_ON, isoDate(query.registeredFrom())));
        }
        if (query.registeredTo() != null) {
            filters.add(Filters.lte(CandidateDocument.REGISTERED_ON, isoDate(query.registeredTo())));
        }
        if (text.uln() != null) {
            filters.add(eq(CandidateDocument.ULN, text.uln()));
        } else if (text.registrationNumber() != null && isInScope(scope, text.registrationNumber())) {
            filters.add(eq(CandidateDocument.REGISTRATION_NUMBER, text.registrationNumber()));
        } else {
            for (String word : text.words()) {
                filters.add(regex(CandidateDocument.NAME_TOKENS, "^" + ReadModelCollection.literal(word)));
            }
        }
        return candidates.page(
                filters.isEmpty() ? new Document() : Filters.and(filters),
                ascending(CandidateDocument.SORT_KEY, ID),
                query.page(),
                query.size(),
                CandidateDocument::summary);
    }

    /** Whether a candidate with that registration number is in the searched centre (or anywhere, for IMI). */
    private boolean isInScope(List<Bson> scope, String registrationNumber) {
        List<Bson> filters = new ArrayList<>(scope);
        filters.add(eq(CandidateDocument.REGISTRATION_NUMBER, registrationNumber));
        return candidates
                        .page(Filters.and(filters), ascending(ID), 0, 1, document -> document)
                        .total()
                > 0;
    }
}
