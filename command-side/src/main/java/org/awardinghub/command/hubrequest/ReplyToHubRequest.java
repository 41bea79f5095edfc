package org.awardinghub.command.hubrequest;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Answers the reply's number within the request (1, 2, ...). {@code centreId}, when given, is the centre the
 * caller believes the request belongs to; a request of another centre is then answered as unknown.
 */
public record ReplyToHubRequest(
        @TargetAggregateIdentifier String requestId,
        String centreId,
        String body,
        boolean fromImi,
        String repliedByUserId) {}
