package org.awardinghub.api.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.assessment.AccessKeyRefused;
import org.awardinghub.command.candidate.DuplicateCandidate;
import org.awardinghub.command.certification.NotEligible;
import org.awardinghub.query.candidate.CandidateSearchNotReady;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where failures become RFC 9457 problems. What a client sent wrong is a 4xx naming the field;
 * a rule of the record's state is a 409; only a fault of ours is a 500, and it is logged.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final int SEARCH_RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        HttpHeaders headers = new HttpHeaders();
        problem.retryAfter()
                .ifPresent(wait -> headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds()))));
        return respond(problem.status(), headers, problem.title(), problem.getMessage(), problem.errors());
    }

    @ExceptionHandler(InvalidCommand.class)
    ResponseEntity<ProblemDetail> invalidCommand(InvalidCommand e) {
        return respond(
                HttpStatus.BAD_REQUEST,
                "Invalid input",
                e.getMessage(),
                List.of(new ApiProblem.FieldError(e.field(), e.getMessage())));
    }

    /** A failed start with an access key answers the same wherever it is refused: it tells nothing. */
    @ExceptionHandler(AccessKeyRefused.class)
    ResponseEntity<ProblemDetail> accessKeyRefused(AccessKeyRefused e) {
        return respond(HttpStatus.UNAUTHORIZED, "Not signed in", ApiProblem.START_REFUSED, List.of());
    }

    /** Lists every reason a candidate cannot be claimed for, so the centre can put all of them right at once. */
    @ExceptionHandler(NotEligible.class)
    ResponseEntity<ProblemDetail> notEligible(NotEligible e) {
        ResponseEntity<ProblemDetail> response =
                respond(HttpStatus.CONFLICT, "Not eligible for a certificate", e.getMessage(), List.of());
        response.getBody().setProperty("reasons", e.reasons());
        return response;
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation e) {
        return respond(HttpStatus.CONFLICT, "Not allowed in the current state", e.getMessage(), List.of());
    }

    /** Names the existing registration, so the centre can check it before confirming another. */
    @ExceptionHandler(DuplicateCandidate.class)
    ResponseEntity<ProblemDetail> duplicateCandidate(DuplicateCandidate e) {
        ResponseEntity<ProblemDetail> response =
                respond(HttpStatus.CONFLICT, "Possible duplicate registration", e.getMessage(), List.of());
        response.getBody().setProperty("existingCandidateId", e.existingCandidateId());
        response.getBody().setProperty("existingRegistrationNumber", e.existingRegistrationNumber());
        return response;
    }

    /**
     * An id that names no record of the kind asked for. The event store keys every aggregate's events by its id alone,
     * so an id that names a record of another kind (a qualification's code given as a claim's id) finds events the
     * aggregate cannot apply, and Axon calls that incompatible: it is as unknown as a made-up id, 404.
     */
    @ExceptionHandler({UnknownRecord.class, AggregateNotFoundException.class, IncompatibleAggregateException.class})
    ResponseEntity<ProblemDetail> unknownRecord(RuntimeException e) {
        String detail = e instanceof UnknownRecord ? e.getMessage() : "No such record";
        return respond(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException e) {
        return respond(HttpStatus.CONFLICT, "Already exists", "A record with this identity already exists", List.of());
    }

    @ExceptionHandler({ConcurrencyException.class, DataIntegrityViolationException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e) {
        LOG.info("Refused a conflicting change: {}", e.getMessage());
        return respond(
                HttpStatus.CONFLICT,
                "Conflicting change",
                "The change conflicts with another one made at the same time (for example the same email "
                        + "address); nothing was changed. Check the record and try again.",
                List.of());
    }

    /**
     * An amendment whose {@code If-Match} names a version the record is no longer at (someone changed it since it
     * was read): 412, nothing changed, with the version it is at now. Only a command that named a version meets it.
     */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e) {
        String detail = e.getExpectedVersion() > e.getActualVersion()
                ? "This record has not reached the version your If-Match names; nothing was changed. Reload it and "
                        + "make your change again."
                : "This record was changed by someone else since you opened it; nothing was changed. Reload it, "
                        + "check what changed, and make your change again.";
        ResponseEntity<ProblemDetail> response =
                respond(HttpStatus.PRECONDITION_FAILED, "Changed since you read it", detail, List.of());
        response.getBody().setProperty("currentVersion", e.getActualVersion());
        return response;
    }

    /** Candidate search filling its index after a start: a moment's wait, said so, never a 500. */
    @ExceptionHandler(CandidateSearchNotReady.class)
    ResponseEntity<ProblemDetail> searchNotReady(CandidateSearchNotReady e) {
        HttpHeaders retry = new HttpHeaders();
        retry.set(HttpHeaders.RETRY_AFTER, String.valueOf(SEARCH_RETRY_AFTER_SECONDS));
        return respond(HttpStatus.SERVICE_UNAVAILABLE, retry, "Not ready yet", e.getMessage(), List.of());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> remoteCommandFailure(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime && !(cause instanceof CommandExecutionException)) {
            return translate(runtime);
        }
        return unexpected(e);
    }

    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<ProblemDetail> eventStore(EventStoreException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DataIntegrityViolationException) {
            return concurrentChange(e);
        }
        return unexpected(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(
                HttpStatus.BAD_REQUEST,
                "Invalid input",
                e.getName() + " has the wrong format",
                List.of(new ApiProblem.FieldError(e.getName(), "has the wrong format")));
    }

    /**
     * A file upload whose body cannot be read: over the request limit (413), else not a readable
     * {@code multipart/form-data} body (400). A file over the per-file limit is Spring's own 413.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableUpload(MultipartException e) {
        BodyTooLarge tooLarge = BodyTooLarge.in(e);
        if (tooLarge != null) {
            return apiProblem(BodyTooLarge.problem(tooLarge.limit()));
        }
        return respond(
                HttpStatus.BAD_REQUEST,
                "Malformed request body",
                "The request body is not a readable multipart/form-data upload",
                List.of(new ApiProblem.FieldError("file", "the upload could not be read")));
    }

    /** A header or parameter the firewall refuses, found when a controller first reads it. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> firewallRefusal(RequestRejectedException e) {
        return apiProblem(FirewallRefusal.problem(e));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Optional<StoreUnavailable> unavailable = StoreUnavailable.of(e);
        if (unavailable.isPresent()) {
            LOG.warn("Database {}: answered 503 ({})", unavailable.get(), e.toString());
            return apiProblem(unavailable.get().problem());
        }
        LOG.error("Unexpected failure", e);
        return respond(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "Something went wrong on our side; nothing was changed. Quote the correlation id when reporting it.",
                List.of());
    }

    private ResponseEntity<ProblemDetail> translate(RuntimeException e) {
        if (e instanceof InvalidCommand invalid) {
            return invalidCommand(invalid);
        }
        if (e instanceof DuplicateCandidate duplicate) {
            return duplicateCandidate(duplicate);
        }
        if (e instanceof AccessKeyRefused refused) {
            return accessKeyRefused(refused);
        }
        if (e instanceof NotEligible notEligible) {
            return notEligible(notEligible);
        }
        if (e instanceof RuleViolation violation) {
            return ruleViolation(violation);
        }
        if (e instanceof UnknownRecord
                || e instanceof AggregateNotFoundException
                || e instanceof IncompatibleAggregateException) {
            return unknownRecord(e);
        }
        if (e instanceof ApiProblem problem) {
            return apiProblem(problem);
        }
        if (e instanceof ConflictingAggregateVersionException stale) {
            return staleVersion(stale);
        }
        return unexpected(e);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiProblem.FieldError(f.getField(), f.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return asObject(respond(HttpStatus.BAD_REQUEST, "Invalid input", describe(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new ApiProblem.FieldError(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return asObject(respond(HttpStatus.BAD_REQUEST, "Invalid input", describe(errors), errors));
    }

    /**
     * A path variable that converts to nothing (a blank where an enum's name belongs) is a value of the wrong format,
     * 400 naming it, as a value that does not convert at all is. Spring answers 400 too, but its problem says 500.
     */
    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(
            MissingPathVariableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!e.isMissingAfterConversion()) {
            return super.handleMissingPathVariable(e, headers, status, request);
        }
        return asObject(respond(
                HttpStatus.BAD_REQUEST,
                "Invalid input",
                e.getVariableName() + " has the wrong format",
                List.of(new ApiProblem.FieldError(e.getVariableName(), "has the wrong format"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLarge tooLarge = BodyTooLarge.in(e);
        if (tooLarge != null) {
            return asObject(apiProblem(BodyTooLarge.problem(tooLarge.limit())));
        }
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            String message = mapping instanceof InvalidFormatException || mapping instanceof MismatchedInputException
                    ? "has the wrong type or format"
                    : "cannot be read";
            return asObject(respond(
                    HttpStatus.BAD_REQUEST,
                    "Invalid input",
                    field + " " + message,
                    List.of(new ApiProblem.FieldError(field, message))));
        }
        return asObject(respond(
                HttpStatus.BAD_REQUEST,
                "Malformed request body",
                "The request body is missing or is not well-formed JSON",
                List.of()));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring's own MVC failures (405, 406, 415, missing parameters...) keep their status, in our format.
        if (body instanceof ProblemDetail problem) {
            problem.setType(Problems.of(status, "", "", List.of()).getType());
        }
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static String describe(List<ApiProblem.FieldError> errors) {
        return errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
    }

    private static ResponseEntity<ProblemDetail> respond(
            HttpStatus status, String title, String detail, List<ApiProblem.FieldError> errors) {
        return respond(status, HttpHeaders.EMPTY, title, detail, errors);
    }

    private static ResponseEntity<ProblemDetail> respond(
            HttpStatus status, HttpHeaders headers, String title, String detail, List<ApiProblem.FieldError> errors) {
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, title, detail, errors));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
