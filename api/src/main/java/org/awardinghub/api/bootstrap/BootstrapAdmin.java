package org.awardinghub.api.bootstrap;

import java.util.UUID;
import org.awardinghub.api.security.CredentialStore;
import org.awardinghub.api.security.PasswordPolicy;
import org.awardinghub.api.security.SecretTokens;
import org.awardinghub.command.user.RecordPasswordSet;
import org.awardinghub.command.user.RegisterBootstrapAdmin;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.user.PasswordSetBy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first start creates one IMI_ADMIN when none exists, from {@code AWARDING_BOOTSTRAP_ADMIN_PIN} and
 * {@code AWARDING_BOOTSTRAP_ADMIN_PASSWORD}; whatever is unset is generated and printed once.
 */
@Component
@Order(1)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserDirectory directory;
    private final CommandGateway commands;
    private final CredentialStore credentials;
    private final PasswordPolicy passwords;
    private final TransactionTemplate transaction;
    private final String configuredPin;
    private final String configuredPassword;

    public BootstrapAdmin(
            UserDirectory directory,
            CommandGateway commands,
            CredentialStore credentials,
            PasswordPolicy passwords,
            TransactionTemplate transaction,
            @Value("${awarding.bootstrap.admin-pin:}") String configuredPin,
            @Value("${awarding.bootstrap.admin-password:}") String configuredPassword) {
        this.directory = directory;
        this.commands = commands;
        this.credentials = credentials;
        this.passwords = passwords;
        this.transaction = transaction;
        this.configuredPin = configuredPin.strip();
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        StartupWork.untilTheStoresAnswer("The bootstrap administrator", this::ensureAnAdministrator);
    }

    private void ensureAnAdministrator() {
        if (directory.anyImiAdmin()) {
            return;
        }
        String password = configuredPassword.isEmpty() ? SecretTokens.newToken().substring(0, 20) : configuredPassword;
        String pin = configuredPin.isEmpty() ? null : configuredPin;
        if (pin != null && !pin.matches("[1-9][0-9]{7}")) {
            throw new IllegalStateException("AWARDING_BOOTSTRAP_ADMIN_PIN must be 8 digits, the first not 0");
        }
        passwords.refusal(password, pin).ifPresent(why -> {
            throw new IllegalStateException("AWARDING_BOOTSTRAP_ADMIN_PASSWORD " + why);
        });
        String userId = UUID.randomUUID().toString();
        String issuedPin;
        try {
            issuedPin = transaction.execute(status -> {
                String issued = commands.sendAndWait(
                        new RegisterBootstrapAdmin(userId, pin, "Bootstrap Administrator", "admin@awarding-hub.local"));
                commands.sendAndWait(new RecordPasswordSet(userId, PasswordSetBy.ACTIVATION));
                credentials.setPassword(userId, password);
                return issued;
            });
        } catch (RuntimeException e) {
            if (directory.anyImiAdmin()) {
                LOG.info("Another node created the IMI administrator at the same moment");
                return;
            }
            throw e;
        }
        LOG.warn(
                """

                ================================================================================
                 First start: created the IMI administrator.
                   PIN:      {}
                   Password: {}
                 {}
                ================================================================================""",
                issuedPin,
                configuredPassword.isEmpty() ? password : "(as set in AWARDING_BOOTSTRAP_ADMIN_PASSWORD)",
                configuredPassword.isEmpty() ? "Write them down: they are shown only this once." : "");
    }
}
