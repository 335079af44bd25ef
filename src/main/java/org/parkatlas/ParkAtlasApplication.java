package org.parkatlas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ParkAtlas: the spatial planning service for industrial parks. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParkAtlasApplication {

    public static void main(String[] args) {
        SpringApplication.run(ParkAtlasApplication.class, args);
    }
}
