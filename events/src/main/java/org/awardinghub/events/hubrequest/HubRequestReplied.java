package org.awardinghub.events.hubrequest;

/** {@code fromImi} tells whether IMI staff or the centre wrote the reply. */
public record HubRequestReplied(
        String requestId, String centreId, int replyNumber, String body, boolean fromImi, String repliedByUserId) {}
