package org.awardinghub.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.awardinghub.api.mail.Mailer;
import org.awardinghub.api.metadata.RequestCorrelation;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.ActingUser;
import org.awardinghub.api.security.AddressRateLimit;
import org.awardinghub.api.security.CredentialStore;
import org.awardinghub.api.security.CurrentActor;
import org.awardinghub.api.security.OneTimeTokens;
import org.awardinghub.api.security.OneTimeTokens.Purpose;
import org.awardinghub.api.security.PasswordPolicy;
import org.awardinghub.api.security.SecurityPolicy;
import org.awardinghub.api.security.SessionStore;
import org.awardinghub.api.security.SignInThrottle;
import org.awardinghub.command.user.RecordLockOut;
import org.awardinghub.command.user.RecordPasswordResetRequest;
import org.awardinghub.command.user.RecordPasswordSet;
import org.awardinghub.command.user.RecordSignIn;
import org.awardinghub.command.user.RecordSignInFailure;
import org.awardinghub.command.user.RecordSignOut;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.user.PasswordSetBy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing in and out, activation and password reset. Every outcome that matters in a malpractice case
 * (sign-ins, failures, lock-outs, passwords set) is recorded as an event of the user; the secrets themselves
 * stay in the credential store.
 */
@Service
class SignIn {

    private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);

    public record SignedIn(String token, Instant expiresAt, ActingUser user) {}

    static final String NOT_RECOGNISED = "PIN or password not recognised";

    private final UserDirectory directory;
    private final CredentialStore credentials;
    private final SessionStore sessions;
    private final SignInThrottle throttle;
    private final OneTimeTokens tokens;
    private final PasswordPolicy passwords;
    private final SecurityPolicy policy;
    private final Mailer mailer;
    private final CommandGateway commands;
    private final String publicUrl;
    private final AddressRateLimit signInFailures;
    private final AddressRateLimit resetRequests;
    private final TransactionTemplate transaction;

    public SignIn(
            UserDirectory directory,
            CredentialStore credentials,
            SessionStore sessions,
            SignInThrottle throttle,
            OneTimeTokens tokens,
            PasswordPolicy passwords,
            SecurityPolicy policy,
            Mailer mailer,
            CommandGateway commands,
            PlatformTransactionManager transactions,
            JdbcTemplate jdbc,
            Clock clock,
            @Value("${awarding.public-url}") String publicUrl) {
        this.directory = directory;
        this.credentials = credentials;
        this.sessions = sessions;
        this.throttle = throttle;
        this.tokens = tokens;
        this.passwords = passwords;
        this.policy = policy;
        this.mailer = mailer;
        this.commands = commands;
        this.publicUrl = publicUrl;
        this.signInFailures = new AddressRateLimit(
                jdbc,
                clock,
                "sign-in-failures",
                policy.signInFailuresPerMinute(),
                "awarding.security.sign-in-failures-per-minute");
        this.resetRequests = new AddressRateLimit(
                jdbc,
                clock,
                "password-resets",
                policy.passwordResetsPerMinute(),
                "awarding.security.password-resets-per-minute");
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * An unknown PIN, a wrong password, a user not yet activated and a deactivated user all answer the same 401;
     * a PIN locked from this address (known or not) answers 429 until the lock ends, and so does an address past
     * its failures for the minute, whatever the PIN. A sign-in that goes through does not count against its
     * address: a room of people signing in behind one address is not an attack.
     */
    public SignedIn signIn(String pin, String password) {
        long started = System.nanoTime();
        String address = RequestCorrelation.clientAddress().orElse(null);
        if (!signInFailures.allow(address)) {
            answerNoSoonerThan(started + policy.failedSignInAnswerTime().toNanos());
            throw ApiProblem.tooManyAttempts(
                    "Too many failed sign-ins from this address; try again in a minute", Duration.ofMinutes(1));
        }
        try {
            SignedIn signedIn = attemptSignIn(pin, password, address);
            signInFailures.refund(address);
            return signedIn;
        } catch (ApiProblem refused) {
            if (refused.status() == HttpStatus.SERVICE_UNAVAILABLE) {
                signInFailures.refund(address); // the server was busy: nothing was tried
            }
            answerNoSoonerThan(started + policy.failedSignInAnswerTime().toNanos());
            throw refused;
        }
    }

    private SignedIn attemptSignIn(String pin, String password, String address) {
        if (throttle.lockedUntil(pin, address).isPresent()) {
            throw ApiProblem.tooManyAttempts("Too many failed sign-ins with this PIN; try again later");
        }
        Optional<UserAccount> account = directory.findByPin(pin);
        boolean passwordMatches = credentials.matches(account.map(UserAccount::userId), password);
        if (passwordMatches && account.get().active()) {
            throttle.reset(pin, address);
            ActingUser user = actingUser(account.get());
            SessionStore.OpenedSession session = sessions.open(user.userId());
            CurrentActor.run(user, () -> commands.sendAndWait(new RecordSignIn(user.userId())));
            return new SignedIn(session.token(), session.expiresAt(), user);
        }
        SignInThrottle.Failure failure = throttle.recordFailure(pin, address);
        LOG.info(
                "Sign-in refused from {}: {} in a row with this PIN{}",
                address,
                failure.inARow(),
                failure.lockedUntil().map(until -> ", locked until " + until).orElse(""));
        account.ifPresent(a -> CurrentActor.run(actingUser(a), () -> {
            commands.sendAndWait(new RecordSignInFailure(a.userId(), failure.inARow()));
            failure.lockedUntil().ifPresent(until -> commands.sendAndWait(new RecordLockOut(a.userId(), until)));
        }));
        throw ApiProblem.unauthorized(NOT_RECOGNISED);
    }

    private static void answerNoSoonerThan(long deadline) {
        long wait = deadline - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void signOut(ActingUser user, String token) {
        sessions.end(token);
        commands.sendAndWait(new RecordSignOut(user.userId()));
    }

    @Transactional
    public void activate(String token, String password) {
        String userId = redeemForPassword(token, password, Purpose.ACTIVATION);
        setPassword(userId, password, PasswordSetBy.ACTIVATION);
    }

    /**
     * Always quiet: whether the PIN exists is nobody's business but its owner's, who gets the email. Every request
     * takes at least the policy's answer time, so that a PIN with an account (a link issued, an event, an email) is
     * not told from one without by how long the answer takes. An address may ask so many times a minute, whatever
     * the PIN (429 past that); a user is sent one link in the policy's resend time however often it is asked for,
     * so a flood of requests neither fills their inbox nor writes an event each.
     */
    public void requestPasswordReset(String pin) {
        long started = System.nanoTime();
        if (!resetRequests.allow(RequestCorrelation.clientAddress().orElse(null))) {
            answerNoSoonerThan(started + policy.passwordResetAnswerTime().toNanos());
            throw ApiProblem.tooManyAttempts(
                    "Too many password resets asked from this address; try again in a minute", Duration.ofMinutes(1));
        }
        try {
            transaction.executeWithoutResult(status -> sendResetLink(pin));
        } finally {
            answerNoSoonerThan(started + policy.passwordResetAnswerTime().toNanos());
        }
    }

    private void sendResetLink(String pin) {
        directory.findByPin(pin).filter(UserAccount::active).ifPresent(account -> {
            // one at a time per user, on every node: the check of a fresh link and the new link are one step
            credentials.lockForUpdate(account.userId());
            if (tokens.issuedWithin(
                    account.userId(), Purpose.RESET, policy.resetTokenValidity(), policy.resetResendAfter())) {
                return;
            }
            tokens.revokeUnused(account.userId(), Purpose.RESET);
            String token = tokens.issue(account.userId(), Purpose.RESET, policy.resetTokenValidity());
            CurrentActor.run(
                    actingUser(account), () -> commands.sendAndWait(new RecordPasswordResetRequest(account.userId())));
            mailer.send(account.email(), "Reset your Awarding Hub password", """
                    Dear %s,

                    Someone asked to reset the password of PIN %s. If it was you, choose a new password within
                    %d minutes here (the link works once):
                    %s/reset-password?token=%s

                    If it was not you, ignore this email: your password has not changed.
                    """.formatted(
                    account.name(), account.pin(), policy.resetTokenValidity().toMinutes(), publicUrl, token));
        });
    }

    @Transactional
    public void completePasswordReset(String token, String password) {
        String userId = redeemForPassword(token, password, Purpose.RESET);
        setPassword(userId, password, PasswordSetBy.RESET);
        sessions.endAll(userId);
        directory.findById(userId).ifPresent(account -> throttle.resetAll(account.pin()));
    }

    private String redeemForPassword(String token, String password, Purpose purpose) {
        // The password is judged before the token is used up, so a refused password does not waste the link.
        Optional<UserAccount> owner = tokens.peek(token, purpose).flatMap(directory::findById);
        passwords.refusal(password, owner.map(UserAccount::pin).orElse(null)).ifPresent(why -> {
            throw ApiProblem.badRequest("password", why);
        });
        return tokens.redeem(token, purpose)
                .orElseThrow(() -> ApiProblem.badRequest(
                        "token", "is not valid: it is unknown, already used or expired; ask for a new link"));
    }

    private void setPassword(String userId, String password, PasswordSetBy how) {
        UserAccount account =
                directory.findById(userId).orElseThrow(() -> ApiProblem.badRequest("token", "is not valid"));
        CurrentActor.run(actingUser(account), () -> commands.sendAndWait(new RecordPasswordSet(userId, how)));
        credentials.setPassword(userId, password);
    }

    private static ActingUser actingUser(UserAccount account) {
        return new ActingUser(
                account.userId(),
                account.pin(),
                account.name(),
                account.roles(),
                account.centreId(),
                account.candidateId());
    }
}
