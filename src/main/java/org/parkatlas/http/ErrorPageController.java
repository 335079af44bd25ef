package org.parkatlas.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parkatlas.catalog.Label;
import org.parkatlas.problem.Problem;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The container's error page ({@code /error}): what Tomcat or a filter ends with {@code sendError} — a bad request
 * line, a refused path, a failure before Spring MVC — is a problem+json like every other answer, never Whitelabel
 * HTML. Asked for directly, {@code /error} is a 404.
 */
@RestController
class ErrorPageController implements ErrorController {

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 404;
        Label detail = code == null
                ? Label.of("此地址没有内容", "there is nothing at this address")
                : Label.of("请求无法处理（" + status + "）", "the request cannot be answered (" + status + ")");
        ProblemWriter.write(new Problem(status, ProblemHandler.typeOf(status), ProblemHandler.title(status), detail,
                null), request, response);
    }
}
