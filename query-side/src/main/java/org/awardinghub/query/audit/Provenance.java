package org.awardinghub.query.audit;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A certificate's provenance: everything it rests on, as a graph. Each node is a thing the certificate rests on (its
 * claim, the centre's Direct Claim Status in force at the claim, an attempt and its invigilator, form, items and pass
 * mark, a portfolio unit with its sign-off, assessor and IQA sample, an amendment of the candidate), with the logged
 * events that record it; an edge says how one rests on another. Only events up to the certificate's issue
 * ({@code issuedAtPosition}) are in it.
 *
 * @param records the records whose events these are, as an investigation case names them
 * @param chain   whether the hash chain covers every event in it
 */
public record Provenance(
        String certificateNumber,
        String claimId,
        String candidateId,
        long issuedAtPosition,
        List<Node> nodes,
        List<Edge> edges,
        List<CaseBundle.Record> records,
        Chain chain) {

    /** What a node stands for. */
    public enum Kind {
        CERTIFICATE,
        CLAIM,
        CENTRE_STATUS,
        CANDIDATE,
        AMENDMENT,
        ATTEMPT,
        INVIGILATOR,
        FORM,
        ITEM,
        PASS_MARK,
        PORTFOLIO,
        PORTFOLIO_UNIT,
        ASSESSOR,
        SIGN_OFF,
        IQA,
        IQA_SAMPLE
    }

    public record Node(String id, Kind kind, String label, List<Link> events) {}

    /** {@code from} rests on {@code to}: e.g. a claim is "achieved by" an attempt. */
    public record Edge(String from, String to, String relation) {}

    /**
     * One event a node rests on, with its link of the hash chain: {@code covered} when its position is at or before
     * the chain's head and its stored hash recomputes from the event as logged and the previous hash.
     */
    public record Link(
            long globalPosition,
            String eventId,
            String type,
            String recordType,
            String recordId,
            Instant occurredAt,
            String actorPin,
            String chainHash,
            boolean covered) {}

    /** The chain's head when asked, whether every event is covered, and the positions of those that are not. */
    public record Chain(Long headPosition, boolean allCovered, List<Long> notCovered) {}

    /** Every event the certificate rests on, once each, in global order. */
    public List<Link> events() {
        Map<Long, Link> byPosition = new LinkedHashMap<>();
        nodes.forEach(node -> node.events().forEach(link -> byPosition.putIfAbsent(link.globalPosition(), link)));
        return byPosition.values().stream()
                .sorted(Comparator.comparingLong(Link::globalPosition))
                .toList();
    }
}
