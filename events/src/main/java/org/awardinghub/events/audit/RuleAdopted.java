package org.awardinghub.events.audit;

import java.time.Instant;
import java.util.List;

/**
 * IMI adopted a proposed rule, with the parameters it was tried with. Adoption is recorded for the record of what
 * IMI decided; the command side does not enforce adopted rules (ADR 0168). The adopter's PIN is in the metadata.
 */
public record RuleAdopted(
        String proposalId, String rule, List<RuleRunRecorded.Parameter> parameters, Instant adoptedAt) {}
