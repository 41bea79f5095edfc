package org.awardinghub.api.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.awardinghub.api.problem.ApiProblem;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projections' dead-letter queues as {@link DeadLetterController} serves them: each processor's queue read in a
 * read-only transaction, record by record, and a processor's letters retried through Axon's dead-letter processor,
 * one record at a time.
 */
@Service
class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    /** Sequences one retry call works through; the answer says what remains for the next call. */
    static final int MAX_RETRIED_SEQUENCES = 1_000;

    public record Cause(String type, String message) {}

    /**
     * One parked event. {@code sequenceIdentifier} names the record whose events queue behind it (the aggregate's
     * id); {@code cause} is null for an event parked only because an earlier one of its record was;
     * {@code diagnostics} holds {@code retries}, the retries that failed again.
     */
    public record Letter(
            String sequenceIdentifier,
            String eventId,
            String eventType,
            String payloadType,
            String aggregateType,
            String aggregateId,
            Long aggregateSequence,
            Long globalPosition,
            Instant occurredAt,
            Instant enqueuedAt,
            Instant lastTouched,
            Cause cause,
            Map<String, Object> diagnostics) {}

    /** One processor's queue: its totals, and its letters record by record, at most the limit asked for. */
    public record Queue(String processor, long sequences, long deadLetters, boolean complete, List<Letter> letters) {}

    /** One record's letters retried: how many there were, whether all went through, and why not. */
    public record RetriedSequence(
            String sequenceIdentifier, long deadLetters, boolean cleared, long remaining, Cause cause) {}

    public record Retry(
            String processor,
            int sequencesRetried,
            int sequencesCleared,
            List<RetriedSequence> retried,
            long remainingSequences,
            long remainingDeadLetters) {}

    private final EventProcessingConfiguration processing;
    private final TransactionTemplate readOnly;

    public DeadLetters(EventProcessingConfiguration processing, PlatformTransactionManager transactions) {
        this.processing = processing;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Every processor with a dead-letter queue, by name, with at most {@code most} of its letters. */
    List<Queue> queues(int most) {
        return queues(withQueues(), most);
    }

    /** The names of the processors that have a dead-letter queue, in name order. */
    List<String> withQueues() {
        return processing.eventProcessors().keySet().stream()
                .sorted(Comparator.naturalOrder())
                .filter(name -> processing.deadLetterQueue(name).isPresent())
                .toList();
    }

    /** The queues of the processors named, in the order given, each with at most {@code most} letters. */
    List<Queue> queues(List<String> processors, int most) {
        return processors.stream()
                .map(name -> read(
                        () -> describe(name, processing.deadLetterQueue(name).orElseThrow(), most)))
                .toList();
    }

    /**
     * Retries the processor's letters record by record, each in its order up to the first event that fails again,
     * at most {@link #MAX_RETRIED_SEQUENCES} records; says how each went and what remains.
     */
    Retry retry(String processor) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queueOf(processor);
        SequencedDeadLetterProcessor<EventMessage<?>> letters = processing
                .sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> ApiProblem.conflict("Processor " + processor + " has no dead-letter processor"));
        Map<String, Long> sequences = read(() -> sequences(processor, queue));
        List<RetriedSequence> retried = new ArrayList<>();
        for (Map.Entry<String, Long> sequence : sequences.entrySet()) {
            String id = sequence.getKey();
            Cause failure = null;
            try {
                // Axon's own unit of work and transaction; the processor's interceptors run as for any event.
                letters.process(letter -> id.equals(sequenceOf(processor, letter)));
            } catch (RuntimeException e) {
                LOG.warn("Retrying the dead letters of {} in {} failed", id, processor, e);
                failure = new Cause(e.getClass().getName(), e.getMessage());
            }
            Cause thrown = failure;
            retried.add(read(() -> {
                long remaining = queue.sequenceSize(id);
                Cause cause = thrown;
                if (cause == null && remaining > 0) {
                    cause = first(queue.deadLetterSequence(id))
                            .map(DeadLetters::cause)
                            .orElse(null);
                }
                return new RetriedSequence(id, sequence.getValue(), remaining == 0, remaining, cause);
            }));
        }
        long[] left = read(() -> new long[] {queue.amountOfSequences(), queue.size()});
        int cleared = (int) retried.stream().filter(RetriedSequence::cleared).count();
        return new Retry(processor, retried.size(), cleared, retried, left[0], left[1]);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queueOf(String processor) {
        if (!processing.eventProcessors().containsKey(processor)) {
            throw ApiProblem.notFound("No processor " + processor);
        }
        return processing
                .deadLetterQueue(processor)
                .orElseThrow(() -> ApiProblem.conflict("Processor " + processor
                        + " has no dead-letter queue: a failure stops it, and it retries by itself"));
    }

    private Queue describe(String processor, SequencedDeadLetterQueue<EventMessage<?>> queue, int most) {
        List<Letter> letters = new ArrayList<>();
        boolean complete = true;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letters.size() == most) {
                    complete = false;
                    break;
                }
                letters.add(letter(processor, letter));
            }
            if (!complete) {
                break;
            }
        }
        return new Queue(processor, queue.amountOfSequences(), queue.size(), complete, letters);
    }

    /** The records with letters waiting, oldest first, with how many each has. */
    private Map<String, Long> sequences(String processor, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        Map<String, Long> sequences = new LinkedHashMap<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            if (sequences.size() == MAX_RETRIED_SEQUENCES) {
                break;
            }
            first(sequence).ifPresent(letter -> {
                String id = sequenceOf(processor, letter);
                sequences.put(id, queue.sequenceSize(id));
            });
        }
        return sequences;
    }

    private Letter letter(String processor, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String aggregateType = null;
        String aggregateId = null;
        Long aggregateSequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            aggregateSequence = domain.getSequenceNumber();
        }
        Long position = null;
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            var found = tracked.trackingToken().position();
            position = found.isPresent() ? found.getAsLong() : null;
        }
        return new Letter(
                sequenceOf(processor, letter),
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                event.getPayloadType().getName(),
                aggregateType,
                aggregateId,
                aggregateSequence,
                position,
                event.getTimestamp(),
                letter.enqueuedAt(),
                letter.lastTouched(),
                cause(letter),
                new TreeMap<>(letter.diagnostics()));
    }

    private static Cause cause(DeadLetter<?> letter) {
        return letter.cause().map(c -> new Cause(c.type(), c.message())).orElse(null);
    }

    /** As the queue stored it; for a queue that does not say, as the processor's sequencing policy gives it. */
    private String sequenceOf(String processor, DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof JpaDeadLetter<?> stored) {
            return stored.getSequenceIdentifier();
        }
        Object id = processing.sequencingPolicy(processor).getSequenceIdentifierFor(letter.message());
        return String.valueOf(id != null ? id : letter.message().getIdentifier());
    }

    private static <T> Optional<T> first(Iterable<T> items) {
        var iterator = items.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }

    private <T> T read(Supplier<T> work) {
        return readOnly.execute(status -> work.get());
    }
}
