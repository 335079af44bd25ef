package org.parkatlas.reliability;

import java.util.List;

/**
 * One request of the bad-input corpus and what must come of it.
 *
 * @param name      what the case is, as a test's display name
 * @param method    the HTTP method
 * @param path      path and query, already encoded
 * @param headers   name/value pairs sent as they are
 * @param body      the body, or null for none
 * @param signedIn  whether it is sent as the admin (writes need it)
 * @param expected  what the answer must be
 */
record CorpusCase(String name, String method, String path, List<String[]> headers, byte[] body, boolean signedIn,
                  Expected expected) {

    /**
     * What an answer must be.
     *
     * @param status exact status, or 0 for "a 2xx or a 4xx" (a mutation may happen to be valid)
     * @param refusal whether any 4xx will do (status 0 and a 2xx is not allowed)
     * @param where  a pointer or parameter name the problem must hold, or null
     * @param words  words the English detail must hold, or null
     * @param english whether the request asks for English (Accept-Language: en), else it asks for nothing (zh-CN)
     */
    record Expected(int status, boolean refusal, String where, String words, boolean english) {

        static Expected anyRefusal(boolean english) {
            return new Expected(0, true, null, null, english);
        }

        static Expected answerOrRefusal(boolean english) {
            return new Expected(0, false, null, null, english);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
