package org.parkatlas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ParkAtlas: the spatial planning service for industrial parks. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParkAtlasApplication {

    /** The one clock the throttles count by: the real one, or a test's that it moves by hand. */
    @org.springframework.context.annotation.Bean
    java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ParkAtlasApplication.class);
        if (args.length > 0 && args[0].equals("import")) {
            // an import is a one-off command: no web server, no port taken from a running service
            application.setWebApplicationType(WebApplicationType.NONE);
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }
}
