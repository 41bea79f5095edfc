package org.awardinghub.api.axon;

import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessingException;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a projection with a dead-letter queue does with an event its handler failed on.
 * <p>
 * A fault of the event or of the handler fails again however often it is tried: the event is parked in the queue
 * (the later events of the same record queue up behind it, so the record's order holds) and the projection goes
 * on with the other records. IMI_ADMIN sees the letter and retries it once the fault is mended; each retry that
 * fails again adds one to the letter's {@value #RETRIES}. Nothing retries a letter by itself: a fault that needs a
 * fix would only fail again.
 * <p>
 * An outage of a store (the read store or the database unreachable, a time-out, a deadlock) is not the event's
 * fault, and parking every event that arrives meanwhile would leave the read model behind until someone retried by
 * hand. Such a failure goes on to the processor instead, which retries the batch after a pause and carries on by
 * itself once the store answers again, as processors without a queue always do.
 */
class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** In a letter's diagnostics: how many retries have failed again (0 when it was first parked). */
    public static final String RETRIES = "retries";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPolicy.class);
    private static final int DEEPEST_CAUSE = 20;

    private final String processor;

    public DeadLetterPolicy(String processor) {
        this.processor = processor;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (outage(cause)) {
            throw cause instanceof RuntimeException runtime
                    ? runtime
                    : new EventProcessingException("A store is unavailable; the batch is retried", cause);
        }
        Object before = letter.diagnostics().get(RETRIES);
        long retries = before instanceof Number number ? number.longValue() + 1 : 0;
        if (retries == 0) { // a failed retry is logged by Axon
            EventMessage<?> event = letter.message();
            LOG.warn(
                    "Projection {} parked event {} ({}) in its dead-letter queue: {}",
                    processor,
                    event.getIdentifier(),
                    event.getPayloadType().getSimpleName(),
                    cause.toString(),
                    cause);
        }
        return Decisions.enqueue(cause, failed -> failed.diagnostics().and(RETRIES, retries));
    }

    /** A store that did not answer, anywhere in the chain of causes. */
    static boolean outage(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++, cause = cause.getCause()) {
            if (cause instanceof MongoSocketException
                    || cause instanceof MongoTimeoutException
                    || cause instanceof MongoNotPrimaryException
                    || cause instanceof MongoNodeIsRecoveringException
                    || (cause instanceof MongoException mongo
                            && mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL))
                    || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
