package org.awardinghub.events;

import java.util.List;

/**
 * The metadata keys every command carries and every event keeps: who acted, in which role and centre,
 * why, from where, and which request caused it. They are part of the event contract, like the payloads.
 */
public final class AuditMetadata {

    public static final String ACTOR_USER_ID = "actorUserId";
    public static final String ACTOR_PIN = "actorPin";
    public static final String ACTOR_ROLES = "actorRoles";
    public static final String ACTOR_CENTRE_ID = "actorCentreId";
    public static final String REASON = "reason";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String CLIENT_ADDRESS = "clientAddress";
    /** A candidate acting without a PIN (sitting an assessment) is named by their registration number. */
    public static final String ACTOR_REGISTRATION_NUMBER = "actorRegistrationNumber";

    /**
     * The data subject of an event whose payload names one ({@code DataSubject}): with it, the metadata's
     * {@link #REASON} is personal data of that subject and is stored sealed with the subject's key, as the payload's
     * personal fields are. Set on each event from its own payload, never carried over from the command.
     */
    public static final String DATA_SUBJECT = "dataSubject";
    /** Acting user recorded when the system itself acts (start-up, sample catalogue, timers). */
    public static final String SYSTEM_ACTOR = "system";

    public static final List<String> KEYS = List.of(
            ACTOR_USER_ID,
            ACTOR_PIN,
            ACTOR_ROLES,
            ACTOR_CENTRE_ID,
            REASON,
            CORRELATION_ID,
            CAUSATION_ID,
            CLIENT_ADDRESS,
            ACTOR_REGISTRATION_NUMBER);

    private AuditMetadata() {}
}
