package org.awardinghub.command.candidate;

import org.awardinghub.events.candidate.CandidateStatus;

/** A candidate as the command side knows them: current within the transaction that changed them. */
public record CandidateEntry(String candidateId, String registrationNumber, String centreId, CandidateStatus status) {}
