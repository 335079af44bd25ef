package org.parkatlas.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first account, created when the store has none. With no password configured one is generated and printed once
 * at that first start.
 *
 * @param username the admin's user name, {@code admin} unless set
 * @param password the admin's password; best given through the environment ({@code PARKATLAS_BOOTSTRAP_PASSWORD})
 */
@ConfigurationProperties("parkatlas.bootstrap")
public record BootstrapProperties(String username, String password) {

    public BootstrapProperties {
        username = username == null || username.isBlank() ? "admin" : username.trim();
        password = password == null || password.isBlank() ? null : password;
    }
}
