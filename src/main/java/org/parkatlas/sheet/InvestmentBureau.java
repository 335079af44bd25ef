package org.parkatlas.sheet;

import org.parkatlas.catalog.Label;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whom an investor asks, as the park configures it under {@code parkatlas.investment-bureau.*} (every part optional;
 * the sheet's enquiry form reaches the bureau whatever is set).
 */
@ConfigurationProperties("parkatlas.investment-bureau")
public record InvestmentBureau(String nameZh, String nameEn, String phone, String email, String addressZh,
                               String addressEn) {

    public Label name() {
        return nameZh == null || nameZh.isBlank() ? null : Label.of(nameZh, nameEn == null || nameEn.isBlank()
                ? nameZh : nameEn);
    }

    public Label address() {
        return addressZh == null || addressZh.isBlank() ? null : Label.of(addressZh, addressEn == null
                || addressEn.isBlank() ? addressZh : addressEn);
    }
}
