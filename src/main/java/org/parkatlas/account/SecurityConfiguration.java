package org.parkatlas.account;

import org.parkatlas.catalog.Label;
import org.parkatlas.http.ProblemWriter;
import org.parkatlas.problem.Problem;
import org.parkatlas.problem.ProblemType;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;


/**
 * Who may do what over HTTP. Reading is public (the investors' map, the OGC API); every write needs a signed-in
 * planner or admin, but the investment pipeline's, which needs the investment bureau or an admin; accounts are the
 * admin's. People sign in on the map's login page (a session, CSRF-protected); API clients (QGIS, GDAL, scripts) send HTTP Basic. Refusals are problem+json like every other error: 401 with a
 * Basic challenge for anonymous callers, 403 for a role that may not.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final String[] EDITORS = {Role.ADMIN.name(), Role.PLANNER.name()};
    /** Who keeps the investment pipeline: the investment bureau (招商) and admins; planners only read it. */
    private static final String[] INVESTMENT = {Role.ADMIN.name(), Role.INVESTMENT.name()};
    /** The layers the investment bureau keeps: the pipeline, and the firms with their figures (亩均). */
    private static final java.util.List<String> PIPELINE_LAYERS = java.util.List.of("projects", "enterprises",
            "enterprise-figures");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInThrottle throttle,
                                            org.parkatlas.web.BasemapProperties basemaps) throws Exception {
        http.headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.of(basemaps.tileUrls())))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/accounts", "/api/accounts/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/login", "/logout").permitAll()
                        // investors enquire without an account; only admins read enquiries or move them on
                        .requestMatchers(HttpMethod.POST, "/api/enquiries").permitAll()
                        .requestMatchers("/api/enquiries", "/api/enquiries/**").hasAnyRole(INVESTMENT)
                        // a project's history is the staff's; moving projects and writing them the bureau's
                        .requestMatchers(HttpMethod.GET, "/api/projects/*/history").authenticated()
                        .requestMatchers("/api/projects/**").hasAnyRole(INVESTMENT)
                        .requestMatchers(request -> !HttpMethod.GET.matches(request.getMethod())
                                && !HttpMethod.HEAD.matches(request.getMethod())
                                && PIPELINE_LAYERS.stream().anyMatch(layer -> request.getServletPath()
                                .startsWith("/ogcapi/collections/" + layer + "/") || request.getServletPath()
                                .startsWith("/api/collections/" + layer + "/")))
                        .hasAnyRole(INVESTMENT)
                        // scenarios are plans under discussion: the staff read them, planners write them
                        .requestMatchers(HttpMethod.GET, "/api/scenarios", "/api/scenarios/**").authenticated()
                        // saved queries are each account's own, whatever its role
                        .requestMatchers("/api/queries", "/api/queries/**").authenticated()
                        // the container's error page answers whatever method the failed request had
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .anyRequest().hasAnyRole(EDITORS))
                // the browser signs in with a session on its login page; API clients send HTTP Basic
                .formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/login")
                        .defaultSuccessUrl("/", true).failureUrl("/login.html?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login.html?logout"))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"ParkAtlas\", charset=\"UTF-8\"");
                    boolean read = HttpMethod.GET.matches(request.getMethod())
                            || HttpMethod.HEAD.matches(request.getMethod());
                    ProblemWriter.write(new Problem(401, ProblemType.SIGN_IN_REQUIRED, Label.of("需要登录",
                            "Sign-in required"), read ? Label.of("此内容仅供园区工作人员查看：请登录（HTTP Basic）",
                            "this is for the park's staff: sign in (HTTP Basic)")
                            : Label.of("此请求会修改园区数据：请以有权限的账号登录（HTTP Basic）",
                            "this request changes the park's data: sign in (HTTP Basic) with an account that may"),
                            null), request, response);
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        ProblemWriter.write(new Problem(403, ProblemType.NOT_ALLOWED, Label.of("不允许", "Not allowed"),
                                e instanceof CsrfException ? Label.of("页面的安全令牌（XSRF-TOKEN）缺失或已过期；请刷新页面",
                                        "the page's security token (XSRF-TOKEN) is missing or out of date; reload "
                                                + "the page")
                                        : Label.of("您的账号无权执行此操作", "your account may not do this"), null),
                                request, response)))
                // A session cookie rides along on every browser request, so session writes need the CSRF token (a
                // readable XSRF-TOKEN cookie sent back as a header or form field). A request with HTTP Basic
                // credentials carries its own proof and no cookie, so it is exempt.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .anonymous(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    SignInThrottle signInThrottle(SignInThrottle.Settings settings, java.time.Clock clock) {
        return new SignInThrottle(settings, clock);
    }

    /** The readable XSRF-TOKEN cookie the page sends back as a header; same-site only, like the session's. */
    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return repository;
    }

    /**
     * A write that could ride on a browser's session cookie: the sign-in and sign-out forms, and any write sent with
     * a session. Without a session cookie (HTTP Basic, or anonymous) there is nothing to forge.
     */
    private static boolean needsCsrfToken(HttpServletRequest request) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE")) {
            return false;
        }
        String path = request.getServletPath();
        if (path.equals("/login") || path.equals("/logout")) {
            return true;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        return request.getRequestedSessionId() != null;
    }

    /**
     * A request the firewall refuses (an encoded {@code ..}, a NUL in the path …) is a 400 problem like any other,
     * not the container's empty answer.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> ProblemWriter.write(new Problem(400, ProblemType.INVALID_REQUEST,
                Label.of("请求无效", "Bad request"), Label.of("请求的地址含有不允许的字符或路径段（如编码的 ..）",
                "the request's address holds characters or path segments that are not allowed (such as an "
                        + "encoded ..)"), null), request, response);
    }
}
