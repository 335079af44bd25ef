package org.parkatlas.sheet;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A parcel's sheet as its page and brochure read it, checked against the layers it is made from. */
class SheetApiTest extends ParkAtlasServerTest {

    @Test
    void theSheetGathersTheParcelItsPlacesIndicatorsBuildingsAndNearestWorks() {
        JsonNode parcel = getJson("/ogcapi/collections/parcels/items/parcel-0122").path("properties");
        JsonNode sheet = getJson("/api/parcels/" + parcel.path("code").asString() + "/sheet");
        assertThat(sheet.path("id").asString()).as("found by its code, as the permalink names it")
                .isEqualTo("parcel-0122");
        assertThat(getJson("/api/parcels/parcel-0122/sheet").path("code").asString())
                .isEqualTo(parcel.path("code").asString());
        assertThat(sheet.path("area").path("mu").asDouble()).isCloseTo(parcel.path("area_mu").asDouble(), within(0.01));
        assertThat(sheet.path("area").path("ha").asDouble()).isCloseTo(parcel.path("area_m2").asDouble() / 10_000,
                within(0.01));
        assertThat(sheet.path("land_use").path("label").path("zh").asString()).isNotBlank();
        JsonNode park = getJson("/ogcapi/collections/industrial-parks/items?code=" + parcel.path("industrial_park")
                .asString()).path("features").get(0).path("properties");
        assertThat(sheet.path("industrial_park").path("name").path("en").asString())
                .isEqualTo(park.path("name_en").asString());
        assertThat(sheet.path("readiness").path("tier").asInt()).isEqualTo(parcel.path("readiness_tier").asInt());
        assertThat(sheet.path("readiness").path("tier_label").path("zh").asString()).isNotBlank();
        assertThat(sheet.path("indicators").findValuesAsString("name"))
                .startsWith("min_investment_wan_per_mu", "min_tax_wan_per_mu", "min_far");
        assertThat(sheet.path("indicators").get(0).path("value").asDouble())
                .isEqualTo(parcel.path("min_investment_wan_per_mu").asDouble());
        assertThat(sheet.path("indicators").get(0).path("meaning").path("en").asString()).contains("investment");
        JsonNode nearest = null;
        for (JsonNode n : sheet.path("nearest")) {
            if (n.path("target").asString().equals("sewage_plant")) {
                nearest = n;
            }
        }
        assertThat(nearest).isNotNull();
        assertThat(nearest.path("distance_m").asDouble()).isEqualTo(parcel.path("sewage_plant_distance_m").asDouble());
        assertThat(nearest.path("name").path("zh").asString()).contains("污水");
        // a parcel with a factory building on it lists it
        JsonNode building = getJson("/ogcapi/collections/factory-buildings/items?limit=1").path("features").get(0)
                .path("properties");
        JsonNode withBuilding = getJson("/api/parcels/" + building.path("parcel_code").asString() + "/sheet");
        assertThat(withBuilding.path("buildings").findValuesAsString("code")).contains(building.path("code")
                .asString());
    }

    @Test
    void thePermalinkIsAPageAndAnUnknownParcelIsAProblem() {
        HttpResponse<String> page = get("/parcels/GT-Z2-054?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("/js/sheet/sheet.js");
        HttpResponse<String> missing = getInEnglish("/api/parcels/GT-NOPE/sheet");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(missing.body()).contains("GT-NOPE");
    }
}
