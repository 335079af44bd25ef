package org.parkatlas.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/** Creates the first (admin) account on a store that has none, before the server takes requests. */
@Component
class BootstrapAccount implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAccount.class);

    private final AccountRepository accounts;
    private final BootstrapProperties properties;
    private final PasswordEncoder encoder;

    BootstrapAccount(AccountRepository accounts, BootstrapProperties properties, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.properties = properties;
        this.encoder = encoder;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (accounts.count() > 0) {
            return;
        }
        String password = properties.password();
        boolean generated = password == null;
        if (generated) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        accounts.create(new Account(properties.username(), encoder.encode(password), Set.of(Role.ADMIN)));
        if (generated) {
            // Shown this once only: the store keeps nothing but the hash.
            log.warn("\n\n    ParkAtlas created the admin account \"{}\" with the generated password: {}\n"
                    + "    It is shown only now. Set parkatlas.bootstrap.password to choose it yourself.\n",
                    properties.username(), password);
        } else {
            log.info("ParkAtlas created the admin account \"{}\" from parkatlas.bootstrap.*", properties.username());
        }
    }
}
