package org.awardinghub.command.appeal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The centre, not satisfied with the clerical re-check, appeals to IMI, with reasons. {@code attemptId} is the
 * attempt the caller says the enquiry is about (null: not said); another attempt's enquiry is answered as unknown.
 */
public record LodgeAppeal(
        @TargetAggregateIdentifier String enquiryId, String attemptId, String reasons, String lodgedByUserId) {}
