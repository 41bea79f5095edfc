package org.awardinghub.command.appeal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A centre admin or coordinator asks for a review of a submitted attempt's result, with reasons. */
public record RaiseResultEnquiry(
        @TargetAggregateIdentifier String enquiryId, String attemptId, String reasons, String raisedByUserId) {}
