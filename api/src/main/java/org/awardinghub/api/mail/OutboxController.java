package org.awardinghub.api.mail;

import java.util.List;
import java.util.Optional;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.events.user.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OutboxController {

    private final Access access;
    private final Optional<OutboxMailer> outbox;

    public OutboxController(Access access, Optional<OutboxMailer> outbox) {
        this.access = access;
        this.outbox = outbox;
    }

    /** The emails the embedded default has "sent", newest first (IMI_ADMIN, outbox mode only). */
    @GetMapping("/api/outbox")
    public List<OutboxMailer.SentEmail> sent(@RequestParam(required = false) String to) {
        access.requireRole(Role.IMI_ADMIN);
        return outbox.orElseThrow(() -> ApiProblem.notFound("Email is sent through SMTP; there is no outbox"))
                .sent(to == null || to.isBlank() ? null : to.strip(), 200);
    }
}
