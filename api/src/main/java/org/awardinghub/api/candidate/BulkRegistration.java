package org.awardinghub.api.candidate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awardinghub.api.axon.ForegroundWork;
import org.awardinghub.api.problem.ApiProblem.FieldError;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.candidate.RegisterCandidate;
import org.awardinghub.command.candidate.Registration;
import org.awardinghub.command.candidate.RegistrationDetails;
import org.awardinghub.command.centre.CentreDirectory;
import org.awardinghub.command.centre.RegistrationRefusal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers every valid line of a bulk file and reports every invalid one with its line number; one bad line
 * never blocks the good ones. Lines are registered in chunks, each chunk in one transaction (a commit per
 * candidate would cost most of the time); when a line of a chunk is refused, that chunk is registered again line
 * by line, so the refusal lands on its own line and the others still go through.
 */
@Service
class BulkRegistration {

    public static final int MAX_LINES = 10_000;
    private static final DateTimeFormatter UK_DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    public record Accepted(int line, String candidateId, String registrationNumber, boolean late) {}

    public record Rejected(int line, List<FieldError> errors) {}

    public record Result(List<Accepted> accepted, List<Rejected> rejected) {}

    private record Candidate(int line, RegisterCandidate command) {}

    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final CentreDirectory centres;
    private final int chunkSize;
    private final ForegroundWork foreground;

    public BulkRegistration(
            CommandGateway commands,
            TransactionTemplate transaction,
            CentreDirectory centres,
            @Value("${awarding.registration.bulk-chunk-size:50}") int chunkSize,
            ForegroundWork foreground) {
        this.foreground = foreground;
        this.commands = commands;
        this.transaction = transaction;
        this.centres = centres;
        this.chunkSize = chunkSize;
    }

    public Result register(String centreId, List<CandidateCsv.Line> lines, LocalDate today) {
        return foreground.run(() -> registerNow(centreId, lines, today));
    }

    private Result registerNow(String centreId, List<CandidateCsv.Line> lines, LocalDate today) {
        // A centre that may not register at all refuses the whole file, not each line in turn.
        centres.registrationRefusal(centreId, "")
                .filter(refusal -> refusal.kind() != RegistrationRefusal.Kind.QUALIFICATION_NOT_APPROVED)
                .ifPresent(refusal -> {
                    throw refusal.exception();
                });
        List<Accepted> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (CandidateCsv.Line line : lines) {
            List<FieldError> errors = new ArrayList<>();
            RegisterCandidate command = commandOf(centreId, line, today, errors);
            if (errors.isEmpty()) {
                candidates.add(new Candidate(line.number(), command));
            } else {
                rejected.add(new Rejected(line.number(), errors));
            }
        }
        for (int from = 0; from < candidates.size(); from += chunkSize) {
            List<Candidate> chunk = candidates.subList(from, Math.min(from + chunkSize, candidates.size()));
            List<Accepted> registered = inOneTransaction(chunk);
            if (registered != null) {
                accepted.addAll(registered);
            } else {
                chunk.forEach(candidate -> registerAlone(candidate, accepted, rejected));
            }
        }
        accepted.sort((a, b) -> Integer.compare(a.line(), b.line()));
        rejected.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Result(accepted, rejected);
    }

    /** The chunk's registrations, or null when one of its lines was refused and nothing was kept. */
    private List<Accepted> inOneTransaction(List<Candidate> chunk) {
        try {
            return transaction.execute(status -> chunk.stream().map(this::send).toList());
        } catch (InvalidCommand | RuleViolation | UnknownRecord e) {
            return null;
        }
    }

    private void registerAlone(Candidate candidate, List<Accepted> accepted, List<Rejected> rejected) {
        try {
            accepted.add(send(candidate));
        } catch (InvalidCommand e) {
            rejected.add(new Rejected(candidate.line(), List.of(new FieldError(e.field(), e.getMessage()))));
        } catch (RuleViolation | UnknownRecord e) {
            rejected.add(new Rejected(candidate.line(), List.of(new FieldError(null, e.getMessage()))));
        }
    }

    private Accepted send(Candidate candidate) {
        Registration registration = commands.sendAndWait(candidate.command());
        return new Accepted(
                candidate.line(), registration.candidateId(), registration.registrationNumber(), registration.late());
    }

    /** The line as a command, with every error of the line (all of them, not just the first) in {@code errors}. */
    private static RegisterCandidate commandOf(
            String centreId, CandidateCsv.Line line, LocalDate today, List<FieldError> errors) {
        if (line.get(CandidateCsv.FIELD_COUNT) != null) {
            errors.add(new FieldError(
                    null,
                    "the line has " + line.get(CandidateCsv.FIELD_COUNT) + " fields; the header has "
                            + CandidateCsv.COLUMNS.size()));
            return null;
        }
        LocalDate dateOfBirth = date(line, "dateOfBirth", errors);
        LocalDate startDate = date(line, "startDate", errors);
        RegisterCandidate command = new RegisterCandidate(
                UUID.randomUUID().toString(),
                centreId,
                line.get("firstName"),
                line.get("lastName"),
                dateOfBirth,
                line.get("uln"),
                line.get("qualificationCode") == null
                        ? null
                        : line.get("qualificationCode").strip(),
                startDate == null ? today : startDate,
                today,
                false);
        for (InvalidCommand refusal : RegistrationDetails.refusals(command)) {
            if (errors.stream().noneMatch(e -> refusal.field().equals(e.field()))) {
                errors.add(new FieldError(refusal.field(), refusal.getMessage()));
            }
        }
        return command;
    }

    /** Null when blank (the checks that follow say whether it was required) or not a date (reported here). */
    private static LocalDate date(CandidateCsv.Line line, String column, List<FieldError> errors) {
        String value = line.get(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return text.contains("/") ? LocalDate.parse(text, UK_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(column, "'" + text + "' is not a real date written YYYY-MM-DD or DD/MM/YYYY"));
            return null;
        }
    }
}
