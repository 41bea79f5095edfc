package org.awardinghub.api.qualification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.awardinghub.api.bootstrap.StartupWork;
import org.awardinghub.command.qualification.QualificationDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Publishes the sample motor-industry catalogue on first start, so a new install can be tried at once. Each
 * qualification is published through the same command IMI admins use, so it has its own events.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "awarding.catalogue.load-sample", havingValue = "true", matchIfMissing = true)
class SampleCatalogue implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SampleCatalogue.class);
    static final String RESOURCE = "/catalogue/sample-qualifications.json";

    private final ObjectMapper json;
    private final CommandGateway commands;
    private final QualificationDirectory catalogue;

    public SampleCatalogue(ObjectMapper json, CommandGateway commands, QualificationDirectory catalogue) {
        this.json = json;
        this.commands = commands;
        this.catalogue = catalogue;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        StartupWork.untilTheStoresAnswer("The sample catalogue", this::publishMissing);
    }

    private void publishMissing() throws IOException {
        int published = 0;
        for (QualificationDefinition qualification : definitions()) {
            if (!catalogue.exists(qualification.code()) && publishedHere(qualification)) {
                published++;
            }
        }
        if (published > 0) {
            LOG.info("Published {} sample qualifications", published);
        }
    }

    /** False when another node published it at the same moment: the catalogue holds it either way. */
    private boolean publishedHere(QualificationDefinition qualification) {
        try {
            commands.sendAndWait(qualification.toCommand());
            return true;
        } catch (RuntimeException e) {
            if (catalogue.exists(qualification.code())) {
                return false;
            }
            throw e;
        }
    }

    List<QualificationDefinition> definitions() throws IOException {
        try (InputStream in = SampleCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return json.readValue(in, new TypeReference<>() {});
        }
    }
}
