package org.parkatlas.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogTest {

    private static final Pattern SQL_SAFE = Pattern.compile("[a-z][a-z0-9_]*");
    private final Catalog catalog = Catalog.standard();

    @Test
    void collectionIdsAreThePublicContract() {
        assertThat(catalog.layers()).extracting(Layer::id).containsExactly("park-boundary", "corridors", "axes",
                "zones", "industrial-parks", "parcels", "roads", "utility-lines", "facilities", "factory-buildings",
                "projects", "enterprises", "enterprise-figures");
    }

    @Test
    void everyAttributeNameIsSqlSafeAndLabelledInBothLanguages() {
        for (Layer layer : catalog.layers()) {
            assertThat(layer.title().zh()).isNotBlank();
            assertThat(layer.title().en()).isNotBlank();
            assertThat(layer.storageCrs()).isEqualTo("EPSG:4546");
            for (Attribute attribute : layer.attributes()) {
                assertThat(attribute.name()).matches(SQL_SAFE);
                assertThat(attribute.label().zh()).as(layer.id() + "." + attribute.name()).isNotBlank();
                assertThat(attribute.label().en()).as(layer.id() + "." + attribute.name()).isNotBlank();
                attribute.values().forEach(v -> assertThat(v.label().zh()).isNotBlank());
            }
        }
    }

    @Test
    void parcelsCarryStandardLandIndicatorsAndComputedArea() {
        Layer parcels = catalog.require("parcels");
        assertThat(parcels.attributes()).extracting(Attribute::name).contains("code", "land_use", "status", "zone",
                "industrial_park", "area_m2", "area_mu", "min_investment_wan_per_mu", "min_far", "max_far",
                "max_building_density", "max_green_ratio", "min_tax_wan_per_mu", "max_energy_tce_per_wan",
                "leveling", "leveling_date");
        assertThat(parcels.attribute("area_mu").orElseThrow().computed()).isTrue();
        assertThat(parcels.attribute("status").orElseThrow().values()).extracting(AllowedValue::value)
                .containsExactly("planned", "available", "reserved", "transferred", "in_use");
        assertThat(parcels.attribute("leveling").orElseThrow().values()).extracting(AllowedValue::value)
                .containsExactly("done", "in_progress", "not_started");
    }

    @Test
    void networksNameTheirUtilitiesAndSources() {
        assertThat(catalog.require("utility-lines").attribute("utility").orElseThrow().values())
                .extracting(AllowedValue::value)
                .containsExactly("water", "sewer", "storm", "power", "gas", "heat", "telecom", "broadband");
        assertThat(catalog.require("facilities").attribute("kind").orElseThrow().values())
                .extracting(AllowedValue::value).containsExactly("sewage_plant", "water_plant", "storm_outfall",
                        "substation", "gas_station", "heat_source", "telecom_exchange");
        for (String id : List.of("roads", "utility-lines", "facilities")) {
            assertThat(catalog.require(id).attributes()).extracting(Attribute::name)
                    .contains("name", "status", "completion_date");
        }
        assertThat(catalog.require("roads").attributes()).extracting(Attribute::name)
                .contains("grade", "red_line_width_m", "gateway");
    }
}
