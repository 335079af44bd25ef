package org.parkatlas.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parkatlas.catalog.Label;
import org.parkatlas.http.ProblemWriter;
import org.parkatlas.problem.Problem;
import org.parkatlas.problem.ProblemType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Answers a sign-in attempt — the login form, or any request with HTTP Basic credentials — with 429 and
 * {@code Retry-After} while its account or address is throttled, before the password is even looked at.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = username(request);
        if (username != null) {
            Duration wait = throttle.wait(username, request.getRemoteAddr()).orElse(null);
            if (wait != null) {
                long seconds = Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
                response.setHeader("Retry-After", Long.toString(seconds));
                ProblemWriter.write(new Problem(429, ProblemType.TOO_MANY_SIGN_INS, Label.of("登录尝试过多",
                        "Too many sign-in attempts"), Label.of("密码错误次数过多；请 " + seconds + " 秒后再试",
                        "too many wrong passwords; try again in " + seconds + " s"), null), request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The account a request tries to sign in as; null when it tries none. */
    static String username(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            return request.getParameter("username");
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? pair : pair.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null; // not Base64: Spring Security refuses it as it is
            }
        }
        return null;
    }
}
