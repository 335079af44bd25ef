package org.parkatlas.account;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.parkatlas.catalog.Label;
import org.parkatlas.http.JsonBody;
import tools.jackson.databind.JsonNode;
import org.parkatlas.problem.Problem;
import org.parkatlas.problem.ProblemType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Who is signed in ({@code /api/me}, for the map's title bar) and the admin's account management. */
@RestController
class AccountController {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;

    AccountController(AccountRepository accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    /** Who is signed in; {@code username} and {@code roles} only when someone is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Me(boolean signedIn, String username, List<String> roles) {
    }

    /** An account as admins see it: never its password hash. */
    record AccountAnswer(String username, List<String> roles) {

        static AccountAnswer of(String username, Set<Role> roles) {
            return new AccountAnswer(username, roles.stream().map(Role::id).sorted().toList());
        }
    }

    @GetMapping("/api/me")
    Me me(Authentication authentication) {
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        if (!signedIn) {
            return new Me(false, null, null);
        }
        // only the roles: Spring Security adds authorities of its own (FACTOR_PASSWORD …) that are nobody's business
        return new Me(true, authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5).toLowerCase()).sorted().toList());
    }

    @GetMapping("/api/accounts")
    List<AccountAnswer> list() {
        return accounts.all().stream().map(a -> AccountAnswer.of(a.username(), a.roles())).toList();
    }

    /** A new account: {@code {"username": …, "password": …, "roles": ["planner"]}}. */
    @PostMapping(value = "/api/accounts", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    AccountAnswer create(@RequestBody byte[] raw) {
        JsonNode body = JsonBody.parse(raw, Label.of("{\"username\": …, \"password\": …, \"roles\": [\"planner\"]}",
                "{\"username\": …, \"password\": …, \"roles\": [\"planner\"]}"));
        String username = body.path("username").isString() ? body.path("username").asString() : "";
        String password = body.path("password").isString() ? body.path("password").asString() : "";
        if (!USERNAME.matcher(username).matches()) {
            throw refused("/username", "用户名为 2–64 个字母、数字、点、连字符或下划线",
                    "a user name is 2 to 64 letters, digits, dots, dashes or underscores");
        }
        if (password.length() < 8) {
            throw refused("/password", "密码至少 8 个字符", "a password has at least 8 characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            // bcrypt reads no further than 72 bytes: a longer password would silently be cut
            throw refused("/password", "密码最多 72 字节（UTF-8）", "a password has at most 72 bytes (UTF-8)");
        }
        Set<Role> roles = new java.util.HashSet<>();
        try {
            for (JsonNode role : body.path("roles")) {
                roles.add(Role.fromId(role.asString()));
            }
        } catch (RuntimeException e) {
            throw refused("/roles", "角色为 admin、planner、analyst 组成的列表",
                    "roles are a list of admin, planner and analyst");
        }
        if (roles.isEmpty()) {
            throw refused("/roles", "账号至少需要一个角色", "an account needs at least one role");
        }
        if (accounts.all().stream().anyMatch(a -> a.username().equalsIgnoreCase(username))) {
            // ADMIN and admin would be two accounts a person could not tell apart
            throw new Problem(409, ProblemType.CONFLICT, Label.of("冲突", "Conflict"), Label.of(
                    "用户名 " + username + " 已被使用", "the user name " + username + " is taken"),
                    Map.of("pointer", "/username"));
        }
        accounts.create(new Account(username, encoder.encode(password), roles));
        return AccountAnswer.of(username, roles);
    }

    private static Problem refused(String pointer, String zh, String en) {
        return new Problem(422, ProblemType.INVALID_REQUEST, Label.of("账号未被接受", "Account not accepted"),
                Label.of(zh, en), Map.of("pointer", pointer));
    }
}
