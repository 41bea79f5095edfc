package org.awardinghub.api.mail;

import java.util.List;
import java.util.Optional;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Allow;
import org.awardinghub.events.user.Role;
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
    public List<OutboxMailer.SentEmail> sent(@RequestParam(required = false) String to) {
        return outbox.orElseThrow(() -> ApiProblem.notFound("Email is sent through SMTP; there is no outbox"))
                .sent(to == null || to.isBlank() ? null : to.strip(), 200);
    }
}
