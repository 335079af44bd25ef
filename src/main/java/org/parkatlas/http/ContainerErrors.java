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
                    writer.write("{\"type\":\"" + ProblemHandler.typeOf(status) + "\",\"title\":\""
                            + ProblemHandler.title(status).en() + "\",\"status\":" + status + ",\"detail\":\""
                            + "the request cannot be answered (" + status + "); 请求无法处理（" + status + "）\"}");
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the answer already under way: nothing more to say
            }
        }
    }
}
