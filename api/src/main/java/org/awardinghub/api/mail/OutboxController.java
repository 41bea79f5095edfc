package org.awardinghub.api.mail;

import java.util.List;
import java.util.Optional;
import org.awardinghub.api.PagedArray;
import org.awardinghub.api.Paging;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Allow;
import org.awardinghub.events.user.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox: the emails the application has sent, readable by IMI admins when it writes mail to files. */
@RestController
class OutboxController {

    private final Optional<OutboxMailer> outbox;

    public OutboxController(Optional<OutboxMailer> outbox) {
        this.outbox = outbox;
    }

    /**
     * The emails sent, newest first. The emails the embedded default has sent, newest first, their one-time links
     * withheld (IMI_ADMIN, outbox mode).
     */
    @GetMapping("/api/outbox")
    @Allow(Role.IMI_ADMIN)
    public ResponseEntity<List<OutboxMailer.SentEmail>> sent(
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        OutboxMailer mailer =
                outbox.orElseThrow(() -> ApiProblem.notFound("Email is sent through SMTP; there is no outbox"));
        String recipient = to == null || to.isBlank() ? null : to.strip();
        // asked for no page: the newest ones, as many as a page may hold, as before paging
        Paging paging = page == null && size == null ? new Paging(0, Paging.MAX_SIZE) : Paging.of(page, size);
        return PagedArray.page(
                mailer.count(recipient), mailer.sent(recipient, (long) paging.page() * paging.size(), paging.size()));
    }
}
