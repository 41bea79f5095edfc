package org.awardinghub.command.hubrequest;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answers the reply's number within the request (1, 2, ...). */
public record ReplyToHubRequest(@TargetAggregateIdentifier String requestId, String body, boolean fromImi,
                                String repliedByUserId) {
}
