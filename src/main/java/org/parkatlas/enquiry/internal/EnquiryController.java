package org.parkatlas.enquiry.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Language;
import org.parkatlas.enquiry.Enquiry;
import org.parkatlas.enquiry.EnquiryDesk;
import org.parkatlas.enquiry.EnquiryForm;
import org.parkatlas.enquiry.EnquiryStatus;
import org.parkatlas.http.ApiException;
import org.parkatlas.http.Http;
import org.parkatlas.http.JsonBody;
import org.parkatlas.http.RequestLanguage;
import org.parkatlas.problem.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code POST /api/enquiries} for anyone (JSON), {@code GET /api/enquiries} and {@code PATCH /api/enquiries/{id}}
 * for admins (the security configuration says who).
 */
@RestController
class EnquiryController {

    private static final Label FORM = Label.of("{\"name\": …, \"contact\": …, \"parcels\": [\"parcel-0001\"], …}",
            "{\"name\": …, \"contact\": …, \"parcels\": [\"parcel-0001\"], …}");

    private final EnquiryDesk desk;

    EnquiryController(EnquiryDesk desk) {
        this.desk = desk;
    }

    /** Snake case, as the form's own fields ({@code land_need_mu}) are. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Received(String id, String status, String receivedAt, String acknowledgement) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record EnquiryAnswer(String id, String receivedAt, String name, String organisation, String contact,
                         String industry, Double landNeedMu, String message, List<String> parcels, String language,
                         String status, String statusLabel, String statusBy, String statusAt) {

        static EnquiryAnswer of(Enquiry e, Language language) {
            return new EnquiryAnswer(e.id(), e.receivedAt().toString(), e.name(), e.organisation(), e.contact(),
                    e.industry(), e.landNeedMu(), e.message(), e.parcels(), e.language().tag(), e.status().id(),
                    e.status().label().in(language), e.statusBy(), e.statusAt() == null ? null
                    : e.statusAt().toString());
        }
    }

    @PostMapping(value = "/api/enquiries", consumes = Http.JSON)
    @ResponseStatus(HttpStatus.CREATED)
    Received send(@RequestBody byte[] raw, HttpServletRequest request) {
        JsonNode body = JsonBody.parse(raw, FORM);
        if (!body.isObject()) {
            throw new InvalidInputException("", Label.of("请发送 JSON 对象：" + FORM.zh(), "send a JSON object: "
                    + FORM.en()));
        }
        Language language = RequestLanguage.of(request);
        EnquiryForm form = new EnquiryForm(text(body, "name"), text(body, "organisation"), text(body, "contact"),
                text(body, "industry"), number(body, "land_need_mu"), text(body, "message"), ids(body),
                text(body, "website"));
        Enquiry enquiry = desk.receive(form, request.getRemoteAddr(), language);
        return new Received(enquiry.id(), enquiry.status().id(), enquiry.receivedAt().toString(), Label.of(
                "已收到您的咨询，招商局将在两个工作日内与您联系。", "Thank you: your enquiry has reached the investment "
                        + "bureau, which will contact you within two working days.").in(language));
    }

    @GetMapping("/api/enquiries")
    List<EnquiryAnswer> list(HttpServletRequest request) {
        Language language = RequestLanguage.of(request);
        return desk.all().stream().map(e -> EnquiryAnswer.of(e, language)).toList();
    }

    /** {@code {"status": "contacted"}}: how far the bureau has got. */
    @PatchMapping(value = "/api/enquiries/{id}", consumes = {Http.JSON, Http.MERGE_PATCH})
    EnquiryAnswer mark(@PathVariable String id, @RequestBody byte[] raw, Principal user, HttpServletRequest request) {
        JsonNode body = JsonBody.parse(raw, Label.of("{\"status\": \"contacted\"}", "{\"status\": \"contacted\"}"));
        String given = body.path("status").isString() ? body.path("status").asString() : null;
        String known = Stream.of(EnquiryStatus.values()).map(EnquiryStatus::id).collect(Collectors.joining(", "));
        EnquiryStatus status = EnquiryStatus.of(given).orElseThrow(() -> InvalidInputException.unprocessable(
                "/status", Label.of("状态须为 " + known + " 之一", "the status is one of " + known)));
        Enquiry changed = desk.mark(id, status, user.getName()).orElseThrow(() -> ApiException.notFound(Label.of(
                "没有编号为“" + id + "”的咨询", "there is no enquiry \"" + id + "\"")));
        return EnquiryAnswer.of(changed, RequestLanguage.of(request));
    }

    private static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw InvalidInputException.unprocessable("/" + name, Label.of("“" + name + "”须为文字",
                    "\"" + name + "\" must be text"));
        }
        return value.asString();
    }

    private static Double number(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw InvalidInputException.unprocessable("/" + name, Label.of("“" + name + "”须为数字",
                    "\"" + name + "\" must be a number"));
        }
        return value.asDouble();
    }

    private static List<String> ids(JsonNode body) {
        JsonNode value = body.get("parcels");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw InvalidInputException.unprocessable("/parcels", Label.of("“parcels”须为地块编号的数组",
                    "\"parcels\" must be an array of parcel ids"));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isString()) {
                throw InvalidInputException.unprocessable("/parcels/" + i, Label.of("地块编号须为文字",
                        "a parcel id is text"));
            }
            ids.add(value.get(i).asString());
        }
        return ids;
    }
}
