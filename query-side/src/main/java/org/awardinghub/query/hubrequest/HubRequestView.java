package org.awardinghub.query.hubrequest;

import java.time.Instant;
import java.util.List;
import org.awardinghub.events.hubrequest.HubRequestKind;

public record HubRequestView(
        String requestId,
        String centreId,
        HubRequestKind kind,
        String subject,
        String body,
        String status,
        String raisedByUserId,
        Instant raisedAt,
        List<Reply> replies,
        Instant closedAt,
        String closeReason) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    public record Reply(int replyNumber, String body, boolean fromImi, String repliedByUserId, Instant at) {}
}
