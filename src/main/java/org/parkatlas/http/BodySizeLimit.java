package org.parkatlas.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.parkatlas.catalog.Label;
import org.parkatlas.feature.Limits;
import org.parkatlas.problem.Problem;
import org.parkatlas.problem.ProblemType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * No request body is larger than {@code parkatlas.limits.max-body-size} (512 MB unless set: a GeoPackage of a
 * 100 000-parcel park fits): one that says so in its Content-Length is refused at once, one that streams past it is
 * cut off where it does, both with 413 — before the service holds it all in memory.
 */
@Component
class BodySizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    BodySizeLimit(Limits limits) {
        this.maxBytes = limits.maxBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            ProblemWriter.write(tooLarge(), request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() throws IOException {
                return new Counting(super.getInputStream());
            }
        }, response);
    }

    private Problem tooLarge() {
        String max = DataSize.ofBytes(maxBytes).toMegabytes() + " MB";
        return new Problem(413, ProblemType.INVALID_REQUEST, Label.of("请求体过大", "Body too large"), Label.of(
                "请求体超过 " + max + "（parkatlas.limits.max-body-size）",
                "the request body is larger than " + max + " (parkatlas.limits.max-body-size)"), null);
    }

    /** Counts what is read and stops at the limit. */
    private final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > maxBytes) {
                throw tooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
