package org.parkatlas.http;

import jakarta.servlet.http.HttpServletRequest;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Language;
import org.parkatlas.problem.Problem;
import org.parkatlas.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Map;

/**
 * Where Spring MVC's errors become problems: every {@link Problem} a module throws, and Spring's own (unknown path,
 * wrong method, unacceptable media type …) given a type and words in both languages; all written by
 * {@link ProblemWriter}. An unexpected failure is logged with its stack trace here and answered with a plain 500 that
 * shows none.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(Problem.class)
    ResponseEntity<Object> problem(Problem e, HttpServletRequest request) {
        ResponseEntity<Object> answer = respond(e, request);
        if (e instanceof org.parkatlas.problem.TooManyRequestsException tooMany) {
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .header("Retry-After", Long.toString(tooMany.retryAfterSeconds())).body(answer.getBody());
        }
        return answer;
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        return respond(new Problem(409, ProblemType.CONFLICT, Label.of("冲突", "Conflict"), Label.of(
                "所给的编号或名称之一已被使用；未写入任何内容",
                "one of the ids or names given is already taken; nothing was written"), null), request);
    }

    /** The park's write lock stayed taken longer than a writer waits (another long import): try again shortly. */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<Object> busy(PessimisticLockingFailureException e, HttpServletRequest request) {
        log.warn("A write gave up waiting for the park's write lock: {} {}", request.getMethod(),
                request.getRequestURI());
        ResponseEntity<Object> answer = respond(new Problem(503, ProblemType.BUSY, Label.of("正忙", "Busy"), Label.of(
                "另一项写入（如大批量导入）正在进行，本次写入未执行；请稍后重试",
                "another write (such as a large import) is under way and this one was not made; try again shortly"),
                null), request);
        return ResponseEntity.status(503).headers(answer.getHeaders()).header("Retry-After", "10")
                .body(answer.getBody());
    }

    /** A query string whose percent-encoding cannot be decoded (e.g. {@code ?x=%ZZ}). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodable(InvalidParameterException e, HttpServletRequest request) {
        return respond(new Problem(400, ProblemType.INVALID_REQUEST, Label.of("请求无效", "Bad request"), Label.of(
                "查询字符串的百分号编码无法解码", "the query string's percent-encoding cannot be decoded"), null), request);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Object> status(ResponseStatusException e, HttpServletRequest request) {
        String reason = e.getReason() == null ? "" : e.getReason();
        return respond(new Problem(e.getStatusCode().value(), typeOf(e.getStatusCode().value()), title(
                e.getStatusCode().value()), Label.of(reason, reason), null), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (clientWentAway(e)) {
            // the reader closed the connection mid-answer (a page left while its layers streamed): nobody to tell
            log.debug("The client left while {} {} was answered", request.getMethod(), request.getRequestURI());
            return null;
        }
        log.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(new Problem(500, ProblemType.INTERNAL_ERROR, Label.of("内部错误", "Internal error"), Label.of(
                "ParkAtlas 因内部错误未能回答此请求；错误已记录。",
                "ParkAtlas could not answer this request because of an internal error; it has been logged."), null),
                request);
    }

    /** A write to a connection the client has closed ("Broken pipe", Tomcat's ClientAbortException), however wrapped. */
    static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().equals("ClientAbortException")
                    || t instanceof java.io.IOException && t.getMessage() != null
                    && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }

    /** Spring MVC's own errors (wrong method, media type, unknown path …), in our shape and both languages. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        HttpServletRequest servlet = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        ResponseEntity<Object> answer = respond(spring(ex, statusCode.value()), servlet);
        HttpHeaders out = new HttpHeaders();
        out.putAll(headers); // e.g. Allow on a 405
        out.putAll(answer.getHeaders());
        return new ResponseEntity<>(answer.getBody(), out, answer.getStatusCode());
    }

    private static Problem spring(Exception ex, int status) {
        Label detail;
        if (ex instanceof HttpRequestMethodNotSupportedException m) {
            String allowed = m.getSupportedHttpMethods() == null ? "" : String.join(", ",
                    m.getSupportedHttpMethods().stream().map(Object::toString).toList());
            detail = Label.of("此地址不接受 " + m.getMethod() + " 请求" + (allowed.isEmpty() ? "" : "；可用：" + allowed),
                    "this address does not take " + m.getMethod() + (allowed.isEmpty() ? "" : "; use " + allowed));
        } else if (ex instanceof HttpMediaTypeNotAcceptableException) {
            detail = Label.of("无法以 Accept 所要求的格式回答；此地址提供 JSON", "this address cannot answer in the "
                    + "format the Accept header asks for; it serves JSON");
        } else if (ex instanceof HttpMediaTypeNotSupportedException m) {
            detail = Label.of("不接受类型为 " + m.getContentType() + " 的请求体", "a body of type " + m.getContentType()
                    + " is not taken here");
        } else if (ex instanceof NoResourceFoundException) {
            detail = Label.of("此地址没有内容", "there is nothing at this address");
        } else if (ex instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
            // Spring's own message names the handler method and the Java type it wanted: not for the client
            detail = Label.of("请求体为空或无法读取：此请求需要一个请求体", "the request body is empty or cannot be read: "
                    + "this request needs one");
        } else if (ex instanceof org.springframework.web.bind.MissingServletRequestParameterException m) {
            detail = Label.of("缺少参数“" + m.getParameterName() + "”", "the parameter \"" + m.getParameterName()
                    + "\" is missing");
        } else {
            detail = Label.of("请求无法处理（" + status + "）", "the request cannot be answered (" + status + ")");
        }
        return new Problem(status, typeOf(status), title(status), detail, null);
    }

    static String typeOf(int status) {
        return switch (status) {
            case 401 -> ProblemType.SIGN_IN_REQUIRED;
            case 403 -> ProblemType.NOT_ALLOWED;
            case 404 -> ProblemType.NOT_FOUND;
            case 405, 406, 415 -> ProblemType.NOT_SUPPORTED;
            case 409 -> ProblemType.CONFLICT;
            case 422 -> ProblemType.INVALID_FEATURE;
            default -> status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.INVALID_REQUEST;
        };
    }

    static Label title(int status) {
        return switch (status) {
            case 401 -> Label.of("需要登录", "Sign-in required");
            case 403 -> Label.of("不允许", "Not allowed");
            case 404 -> Label.of("未找到", "Not found");
            case 405 -> Label.of("不支持的方法", "Method not allowed");
            case 406 -> Label.of("无法提供所要求的格式", "Not acceptable");
            case 409 -> Label.of("冲突", "Conflict");
            case 415 -> Label.of("不支持的请求体格式", "Unsupported media type");
            case 422 -> Label.of("内容无法接受", "Unprocessable content");
            default -> status >= 500 ? Label.of("内部错误", "Internal error") : Label.of("请求无效", "Bad request");
        };
    }

    private static ResponseEntity<Object> respond(Problem problem, HttpServletRequest request) {
        Language language = RequestLanguage.of(request);
        Map<String, Object> body = ProblemWriter.body(problem, language, ProblemWriter.instance(request));
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Content-Language", language.tag()).body(body);
    }
}
