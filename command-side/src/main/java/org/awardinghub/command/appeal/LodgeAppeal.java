package org.awardinghub.command.appeal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The centre, not satisfied with the clerical re-check, appeals to IMI, with reasons. */
public record LodgeAppeal(@TargetAggregateIdentifier String enquiryId, String reasons, String lodgedByUserId) {}
