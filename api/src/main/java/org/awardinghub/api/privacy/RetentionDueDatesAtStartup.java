package org.awardinghub.api.privacy;

import org.awardinghub.api.bootstrap.StartupWork;
import org.awardinghub.query.privacy.RetentionDueDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, counts again the due dates of the records counted with other retention periods than the settings
 * now give (ADR 0166): a period changed by an operator applies from the restart, without a replay.
 */
@Component
@Order(3)
class RetentionDueDatesAtStartup implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionDueDatesAtStartup.class);

    private final RetentionDueDates dueDates;

    RetentionDueDatesAtStartup(RetentionDueDates dueDates) {
        this.dueDates = dueDates;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        StartupWork.untilTheStoresAnswer("The retention due dates", () -> {
            int recounted = dueDates.recount();
            if (recounted > 0) {
                LOG.info("Retention: {} due dates counted again with the retention periods now set", recounted);
            }
        });
    }
}
