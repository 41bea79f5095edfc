package org.awardinghub.api.bootstrap;

import org.awardinghub.command.privacy.RequestPersonalDataSealing;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, requests the sealing of the events an earlier release stored in clear when migration V19.2 found some
 * (ADR 0164); the audit processor seals them when it reaches the request. Every later start finds the request made.
 */
@Component
@Order(0)
class PersonalDataSealingRequest implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataSealingRequest.class);

    private final CommandGateway commands;

    PersonalDataSealingRequest(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        StartupWork.untilTheStoresAnswer("The request to seal earlier personal data", () -> {
            if (Boolean.TRUE.equals(commands.sendAndWait(new RequestPersonalDataSealing()))) {
                LOG.info("Events stored before personal data was sealed are being sealed by the audit processor");
            }
        });
    }
}
