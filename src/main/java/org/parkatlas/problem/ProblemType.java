package org.parkatlas.problem;

/**
 * The kinds of problem the service answers with, as RFC 9457 type URIs: one per kind a client may want to handle
 * apart (a broken rule, a stale ETag …); each problem's title says the same in words.
 */
public final class ProblemType {

    private static final String BASE = "https://parkatlas.org/problems/";

    /** A malformed request: a parameter, a header or a body that cannot be read (400). */
    public static final String INVALID_REQUEST = BASE + "invalid-request";
    /** A body that reads but that the layer cannot take: a wrong value, a missing attribute (422). */
    public static final String INVALID_FEATURE = BASE + "invalid-feature";
    /** A write the park's rules refuse (422), with every broken rule. */
    public static final String RULE_VIOLATION = BASE + "rule-violation";
    /** A filter that parses but cannot apply, or does not parse (400). */
    public static final String INVALID_FILTER = BASE + "invalid-filter";
    /** A write from an older version than the stored one, or an unusable If-Match (412). */
    public static final String CHANGED_BY_SOMEONE_ELSE = BASE + "changed-by-someone-else";
    public static final String NOT_FOUND = BASE + "not-found";
    /** A feature id or user name that is taken (409). */
    public static final String CONFLICT = BASE + "conflict";
    public static final String SIGN_IN_REQUIRED = BASE + "sign-in-required";
    public static final String NOT_ALLOWED = BASE + "not-allowed";
    /** Too many wrong passwords for an account or from an address: wait {@code Retry-After} seconds (429). */
    public static final String TOO_MANY_SIGN_INS = BASE + "too-many-sign-ins";
    /** The method, media type or format is not one this resource serves (405, 406, 415). */
    public static final String NOT_SUPPORTED = BASE + "not-supported";
    /** The service could not take the request now (the park's write lock is held long): try again (503). */
    public static final String BUSY = BASE + "busy";
    /** More requests of one kind from one client than a person sends (enquiries); Retry-After says when. */
    public static final String TOO_MANY_REQUESTS = BASE + "too-many-requests";
    public static final String INTERNAL_ERROR = BASE + "internal-error";

    private ProblemType() {
    }
}
