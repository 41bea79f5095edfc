package org.awardinghub.events.user;

import java.time.Instant;

/**
 * A user's personal data was erased: their key was deleted in the same transaction, so their name and email read as
 * erased in every event, and the account can no longer be used. So far only a candidate's own account, when the
 * candidate is erased ({@code CandidateErased}); {@code reason} and {@code legalBasis} are the candidate's erasure's.
 */
public record UserErased(String userId, String centreId, String reason, String legalBasis, Instant erasedAt) {}
