package org.awardinghub.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication(scanBasePackages = "org.awardinghub")
@ConfigurationPropertiesScan
@EnableScheduling
public class AwardingHubApplication {

    public static void main(String[] args) {
        // Axon 4.13 would otherwise phone home and write under the user's home directory.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(AwardingHubApplication.class, args);
    }
}
