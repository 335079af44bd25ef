package org.parkatlas.http;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's own error page — what it answers when a request never reaches a servlet (a request line with characters
 * HTTP does not allow, a header too large) — is a problem+json like every other answer instead of Tomcat's HTML.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    private static org.parkatlas.catalog.Label detail(int status, Throwable cause) {
        if (status == 400 && cause != null && String.valueOf(cause.getMessage()).contains("too large")) {
            return org.parkatlas.catalog.Label.of("请求地址与请求头合计过长（最多 64 KB）；长的过滤条件请缩短，或分成几次查询",
                    "the request URL and headers are too long (64 KB at most); shorten a long filter or split the "
                            + "query");
        }
        return switch (status) {
            case 414 -> org.parkatlas.catalog.Label.of("请求地址过长（最多 64 KB）；长的过滤条件请缩短，或分成几次查询",
                    "the request URL is too long (64 KB at most); shorten a long filter or split the query");
            case 431 -> org.parkatlas.catalog.Label.of("请求头过大", "the request headers are too large");
            case 400 -> org.parkatlas.catalog.Label.of("请求的格式不符合 HTTP：请求行或请求头含有不允许的字符，或地址中含有编码的 / 或 ..",
                    "the request is not well-formed HTTP: its request line or headers hold characters HTTP does not "
                            + "allow, or its path an encoded / or ..");
            default -> org.parkatlas.catalog.Label.of("请求无法处理（" + status + "）",
                    "the request cannot be answered (" + status + ")");
        };
    }

    /** Writes the container's errors as problems; nothing about the server, no stack trace. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType(Http.PROBLEM_JSON);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    // the request may be too broken for its query string to be read: the header alone decides
                    boolean english = RequestLanguage.ofHeader(
                            request.getHeader("Accept-Language")) == org.parkatlas.catalog.Language.EN;
                    org.parkatlas.catalog.Label title = ProblemHandler.title(status);
                    org.parkatlas.catalog.Label detail = detail(status, throwable);
                    writer.write("{\"type\":\"" + ProblemHandler.typeOf(status) + "\",\"title\":\""
                            + (english ? title.en() : title.zh()) + "\",\"status\":" + status + ",\"detail\":\""
                            + (english ? detail.en() : detail.zh()) + "\"}");
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the answer already under way: nothing more to say
            }
        }
    }
}
