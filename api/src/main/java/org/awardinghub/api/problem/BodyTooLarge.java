package org.awardinghub.api.problem;

import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Thrown while reading a request body that turns out to be over its limit (one sent without a length): 413. */
public final class BodyTooLarge extends IOException {

    private final long limit;

    public BodyTooLarge(long limit) {
        super("request body over the limit");
        this.limit = limit;
    }

    /** The limit a failure to read a body came from, or null when it came from something else. */
    public static BodyTooLarge in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    /** The problem answered for a body over {@code limit} bytes. */
    public static ApiProblem problem(long limit) {
        return new ApiProblem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "Request too large",
                "The request body is larger than " + limit + " bytes",
                List.of());
    }

    public long limit() {
        return limit;
    }
}
