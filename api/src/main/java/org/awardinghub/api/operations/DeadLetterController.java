package org.awardinghub.api.operations;

import static org.awardinghub.events.user.Role.IMI_ADMIN;

import java.util.List;
import org.awardinghub.api.PagedArray;
import org.awardinghub.api.operations.DeadLetters.Queue;
import org.awardinghub.api.operations.DeadLetters.Retry;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Allow;
import org.awardinghub.query.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The projections' dead-letter queues, for IMI_ADMIN: the events a projection's handler failed on, parked with the
 * later events of the same record behind them while the projection went on with the other records (see
 * {@code DeadLetterPolicy}); and a retry of one processor's queue once the fault is mended, record by record, each
 * in its order up to the first event that fails again. Processors without a queue (the command-side lookups, the
 * certification policy, the audit log, the item statistics) stop on a failure and retry by themselves.
 * A processor's name is its processing group's.
 */
@RestController
class DeadLetterController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The events each processor could not handle, parked for a retry. */
    @GetMapping("/api/admin/dead-letters")
    @Allow(IMI_ADMIN)
    public ResponseEntity<List<Queue>> deadLetters(
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        int most = limit == null ? DEFAULT_LIMIT : limit;
        if (most < 1 || most > MAX_LIMIT) {
            throw ApiProblem.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        // the processors with a queue are the configuration's, in memory: the page is cut from their names, and only
        // the page's queues are read
        List<String> processors = deadLetters.withQueues();
        return PagedArray.answerTogether(
                page,
                size,
                paging -> Page.slice(processors, paging.page(), paging.size()),
                () -> processors,
                shown -> deadLetters.queues(shown, most));
    }

    /** Retries a processor's parked events, in order. */
    @PostMapping("/api/admin/dead-letters/{processor}/retry")
    @Allow(IMI_ADMIN)
    public Retry retry(@PathVariable String processor) {
        return deadLetters.retry(processor);
    }
}
