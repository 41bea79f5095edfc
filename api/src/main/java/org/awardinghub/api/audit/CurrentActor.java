package org.awardinghub.api.audit;

import java.util.Optional;
import org.awardinghub.api.security.ActingUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who the current thread acts for: the signed-in user of the request, or a user named explicitly for the
 * moments before a session exists (signing in, activating). Nobody means the system itself.
 */
public final class CurrentActor {

    private static final ThreadLocal<ActingUser> EXPLICIT = new ThreadLocal<>();

    private CurrentActor() {
    }

    public static Optional<ActingUser> get() {
        ActingUser explicit = EXPLICIT.get();
        if (explicit != null) {
            return Optional.of(explicit);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActingUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static void run(ActingUser actor, Runnable work) {
        ActingUser previous = EXPLICIT.get();
        EXPLICIT.set(actor);
        try {
            work.run();
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
        }
    }

}
