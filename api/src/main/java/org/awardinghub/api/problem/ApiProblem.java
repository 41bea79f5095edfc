package org.awardinghub.api.problem;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/** An error answered as an RFC 9457 problem; thrown by the API layer, turned into a response in one place. */
public class ApiProblem extends RuntimeException {

    /**
     * The one answer for every failed start of an assessment, wherever it is refused, so that it tells nothing
     * about which part was wrong.
     */
    public static final String START_REFUSED = "That registration number and access key do not open an assessment."
            + " Check both with your invigilator: a key works once, for the candidate it was given to, until it"
            + " expires.";

    public record FieldError(String field, String message) {}

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        this(status, title, detail, errors, null);
    }

    private ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static ApiProblem badRequest(String field, String message) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "Invalid input",
                field + " " + message,
                List.of(new FieldError(field, message)));
    }

    public static ApiProblem badRequest(List<FieldError> errors) {
        String detail = errors.stream()
                .map(e -> e.field() + " " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid input");
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid input", detail, errors);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "Not signed in", detail, List.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Not allowed", detail, List.of());
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Not allowed in the current state", detail, List.of());
    }

    /** A conflict with a title of its own, when the state refused has a name a client should show. */
    public static ApiProblem conflict(String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, title, detail, List.of());
    }

    public static ApiProblem tooManyAttempts(String detail) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts", detail, List.of());
    }

    /** 429 with {@code Retry-After}: this caller has asked too often. */
    public static ApiProblem tooManyAttempts(String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts", detail, List.of(), retryAfter);
    }

    /** 503 with {@code Retry-After}: the server has too much of this work at once, whoever asks. */
    public static ApiProblem busy(String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Busy", detail, List.of(), retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** How long the caller should wait before asking again, when the answer says so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
