package org.parkatlas.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the park's layer catalogue available to the rest of the service. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    Catalog catalog() {
        return Catalog.standard();
    }
}
