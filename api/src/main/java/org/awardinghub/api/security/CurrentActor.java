package org.awardinghub.api.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who the current thread acts for: the signed-in user of the request, or a user named explicitly for the
 * moments before a session exists (signing in, activating). Nobody means the system itself.
 */
public final class CurrentActor {

    private static final ThreadLocal<ActingUser> EXPLICIT = new ThreadLocal<>();
    private static final ThreadLocal<SittingCandidate> EXPLICIT_CANDIDATE = new ThreadLocal<>();

    private CurrentActor() {}

    public static Optional<ActingUser> get() {
        if (EXPLICIT_CANDIDATE.get() != null) {
            return Optional.empty(); // acting for a candidate (starting an attempt), whoever else is signed in
        }
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

    /**
     * The candidate this thread acts for: the holder of the request's attempt token, or one named explicitly for
     * the moment before they hold a token (starting with the access key).
     */
    public static Optional<SittingCandidate> candidate() {
        SittingCandidate explicit = EXPLICIT_CANDIDATE.get();
        if (explicit != null) {
            return Optional.of(explicit);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SittingCandidate candidate) {
            return Optional.of(candidate);
        }
        return Optional.empty();
    }

    public static <T> T callAsCandidate(SittingCandidate candidate, java.util.function.Supplier<T> work) {
        SittingCandidate previous = EXPLICIT_CANDIDATE.get();
        EXPLICIT_CANDIDATE.set(candidate);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                EXPLICIT_CANDIDATE.remove();
            } else {
                EXPLICIT_CANDIDATE.set(previous);
            }
        }
    }
}
