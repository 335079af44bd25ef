package org.parkatlas.enquiry;

import org.parkatlas.catalog.Label;
import org.parkatlas.problem.InvalidInputException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a sender fills in: who they are and how to reach them, their industry, how much land they need, a message,
 * and the parcels they ask about. {@code website} is a field people never see (it is hidden on the page): a program
 * that fills every field in fills it too.
 */
public record EnquiryForm(String name, String organisation, String contact, String industry, Double landNeedMu,
                          String message, List<String> parcels, String website) {

    /** Parcels one enquiry may name: enough to compare a shortlist, too few to spam the whole park. */
    public static final int MAX_PARCELS = 10;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,24}");
    private static final Pattern LINK = Pattern.compile("(?i)https?://|www\\.");

    public EnquiryForm {
        name = trim(name);
        organisation = trim(organisation);
        contact = trim(contact);
        industry = trim(industry);
        message = message == null || message.isBlank() ? null : message.strip();
        parcels = parcels == null ? List.of() : List.copyOf(parcels);
    }

    /** Refuses the first field that is missing or wrong, naming it. */
    public void check() {
        if (website != null && !website.isBlank()) {
            throw new InvalidInputException("/website", Label.of("此栏须留空", "this field must be left empty"));
        }
        if (name == null) {
            throw missing("/name", "姓名", "your name");
        }
        length("/name", name, 100);
        length("/organisation", organisation, 200);
        if (contact == null) {
            throw missing("/contact", "联系电话或电子邮箱", "a phone number or an e-mail address");
        }
        length("/contact", contact, 200);
        if (!EMAIL.matcher(contact).matches() && !PHONE.matcher(contact).matches()) {
            throw InvalidInputException.unprocessable("/contact", Label.of("“" + contact
                    + "”不是电话号码或电子邮箱地址", "\"" + contact + "\" is neither a phone number nor an e-mail address"));
        }
        length("/industry", industry, 100);
        if (landNeedMu != null && !(landNeedMu > 0 && landNeedMu <= 100_000)) {
            throw InvalidInputException.unprocessable("/land_need_mu", Label.of("用地需求须在 0 到 100 000 亩之间",
                    "the land needed is between 0 and 100 000 mu"));
        }
        length("/message", message, 2000);
        if (message != null && LINK.matcher(message).results().count() > 3) {
            throw InvalidInputException.unprocessable("/message", Label.of("留言中的链接过多（最多 3 个）",
                    "the message holds too many links (3 at most)"));
        }
        if (parcels.size() > MAX_PARCELS) {
            throw InvalidInputException.unprocessable("/parcels", Label.of("一次最多咨询 " + MAX_PARCELS + " 个地块",
                    "one enquiry names " + MAX_PARCELS + " parcels at most"));
        }
    }

    private static InvalidInputException missing(String pointer, String zh, String en) {
        return InvalidInputException.unprocessable(pointer, Label.of("请填写" + zh, "please give " + en));
    }

    private static void length(String pointer, String value, int max) {
        if (value != null && value.length() > max) {
            throw InvalidInputException.unprocessable(pointer, Label.of("内容过长（最多 " + max + " 个字符）",
                    "too long (" + max + " characters at most)"));
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
