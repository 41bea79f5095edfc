package org.awardinghub.api.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.CurrentActor;
import org.awardinghub.api.security.SittingCandidate;
import org.awardinghub.command.assessment.AccessKeyRefused;
import org.awardinghub.command.assessment.AccessKeys;
import org.awardinghub.command.assessment.StartAttempt;
import org.awardinghub.command.assessment.StartedAttempt;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * A candidate starting their attempt without a PIN, with their registration number and the access key the
 * invigilator read them: a wrong key, an unknown number and a refused start all answer the same 401, and count
 * towards the {@link StartThrottle}'s lock of the number and the address; a start that goes through clears the
 * number's count. The candidate receives the attempt token and the questions, nothing that tells which option is
 * right.
 */
@Service
class AttemptStart {

    public record Question(String questionId, String stem, List<Option> options) {}

    public record Option(String optionId, String text) {}

    public record Started(String attemptId, String attemptToken, Instant endsAt, List<Question> questions) {}

    private final CommandGateway commands;
    private final AccessKeys accessKeys;
    private final StartThrottle throttle;
    private final Clock clock;

    public AttemptStart(CommandGateway commands, AccessKeys accessKeys, StartThrottle throttle, Clock clock) {
        this.commands = commands;
        this.accessKeys = accessKeys;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** Starts the attempt the key opens for the registration number, as typed, from the client's address. */
    Started start(String typedRegistrationNumber, String accessKey, String address) {
        // as the key lookup reads it: spaces and hyphens typed between characters count for nothing
        String registrationNumber =
                typedRegistrationNumber.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        throttle.lockedUntil(registrationNumber).ifPresent(until -> {
            throw ApiProblem.tooManyAttempts("Too many wrong access keys: starting is locked until " + until
                    + ". Ask your invigilator to check the registration number and key.");
        });
        if (!throttle.addressMayTry(address)) {
            throw ApiProblem.tooManyAttempts(
                    "Too many wrong access keys from this address in the last minute: try again in a minute."
                            + " Ask your invigilator to check the registration number and key.",
                    Duration.ofMinutes(1));
        }
        String attemptId = accessKeys
                .attemptFor(registrationNumber, accessKey, clock.instant())
                .orElseThrow(() -> refused(registrationNumber, address));
        StartedAttempt started;
        try {
            started = CurrentActor.callAsCandidate(
                    new SittingCandidate(attemptId, registrationNumber),
                    () -> commands.sendAndWait(new StartAttempt(attemptId, registrationNumber, accessKey)));
        } catch (AccessKeyRefused e) {
            throw refused(registrationNumber, address);
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof AccessKeyRefused) {
                throw refused(registrationNumber, address);
            }
            throw e;
        }
        throttle.recordSuccess(registrationNumber);
        List<Question> questions = started.questions().stream()
                .map(q -> new Question(
                        q.questionId(),
                        q.stem(),
                        q.options().stream()
                                .map(o -> new Option(o.optionId(), o.text()))
                                .toList()))
                .toList();
        return new Started(started.attemptId(), started.attemptToken(), started.endsAt(), questions);
    }

    private ApiProblem refused(String registrationNumber, String address) {
        throttle.recordFailure(registrationNumber, address);
        return ApiProblem.unauthorized(ApiProblem.START_REFUSED);
    }
}
