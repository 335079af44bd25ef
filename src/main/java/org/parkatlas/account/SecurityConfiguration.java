package org.parkatlas.account;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;

/**
 * Who may do what over HTTP. Reading is public (the investors' map, the OGC API); every write needs a signed-in
 * planner or admin. API clients (QGIS, GDAL, scripts) sign in with HTTP Basic. Refusals are problem+json like
 * every other error: 401 with a Basic challenge for anonymous callers, 403 for a role that may not write.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final String[] EDITORS = {Role.ADMIN.name(), Role.PLANNER.name()};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .anyRequest().hasAnyRole(EDITORS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> problem(response,
                        HttpServletResponse.SC_UNAUTHORIZED, "Sign-in required",
                        "this request changes the park's data: sign in (HTTP Basic) as a planner or admin",
                        request.getRequestURI())))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> problem(response,
                        HttpServletResponse.SC_FORBIDDEN, "Not allowed",
                        "your account may read but not change the park's data", request.getRequestURI())))
                // Stateless HTTP Basic for API clients: no session cookie, so no CSRF to guard against yet.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(form -> form.disable())
                .anonymous(Customizer.withDefaults());
        return http.build();
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail,
                                String instance) throws IOException {
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ParkAtlas\", charset=\"UTF-8\"");
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"instance\":\"" + instance.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
