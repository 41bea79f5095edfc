package org.awardinghub.api.user;

import java.util.Set;
import java.util.UUID;
import org.awardinghub.api.mail.Mailer;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.CredentialStore;
import org.awardinghub.api.security.OneTimeTokens;
import org.awardinghub.api.security.SecurityPolicy;
import org.awardinghub.command.user.CreateUser;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.events.user.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding a user: the user's events, their PIN in the directory, the activation token and the email commit
 * together or not at all.
 */
@Service
public class UserAccounts {

    public record NewUser(String userId, String pin) {}

    private final CommandGateway commands;
    private final CredentialStore credentials;
    private final OneTimeTokens tokens;
    private final Mailer mailer;
    private final SecurityPolicy policy;
    private final String publicUrl;

    public UserAccounts(
            CommandGateway commands,
            CredentialStore credentials,
            OneTimeTokens tokens,
            Mailer mailer,
            SecurityPolicy policy,
            @Value("${awarding.public-url}") String publicUrl) {
        this.commands = commands;
        this.credentials = credentials;
        this.tokens = tokens;
        this.mailer = mailer;
        this.policy = policy;
        this.publicUrl = publicUrl;
    }

    @Transactional
    public NewUser create(String name, String email, Set<Role> roles, String centreId) {
        return create(name, email, roles, centreId, null);
    }

    /** The candidate's own account (role CANDIDATE), named as the candidate is; one per candidate. */
    @Transactional
    public NewUser createForCandidate(String name, String email, String centreId, String candidateId) {
        return create(name, email, Set.of(Role.CANDIDATE), centreId, candidateId);
    }

    private NewUser create(String name, String email, Set<Role> roles, String centreId, String candidateId) {
        String userId = UUID.randomUUID().toString();
        String pin = commands.sendAndWait(new CreateUser(userId, name, email, roles, centreId, candidateId));
        sendActivation(userId, pin, name.strip(), email.strip());
        return new NewUser(userId, pin);
    }

    /** A new activation link (the earlier ones stop working), for a user who has not set a password yet. */
    @Transactional
    public void resendActivation(UserAccount account) {
        if (!account.active()) {
            throw ApiProblem.conflict("The user is deactivated; reactivate them first");
        }
        if (credentials.hasPassword(account.userId())) {
            throw ApiProblem.conflict("The user has already set a password; they can use 'forgotten password'");
        }
        sendActivation(account.userId(), account.pin(), account.name(), account.email());
    }

    private void sendActivation(String userId, String pin, String name, String email) {
        tokens.revokeUnused(userId, OneTimeTokens.Purpose.ACTIVATION);
        String token = tokens.issue(userId, OneTimeTokens.Purpose.ACTIVATION, policy.activationTokenValidity());
        mailer.send(email, "Your Awarding Hub PIN and activation link", """
                Dear %s,

                You have been added as a user of Awarding Hub. Your PIN is %s.
                You will see it at any time under My Details once you have signed in.

                Set your password within %d hours here (the link works once):
                %s/activate?token=%s
                """.formatted(
                        name, pin, policy.activationTokenValidity().toHours(), publicUrl, token));
    }
}
