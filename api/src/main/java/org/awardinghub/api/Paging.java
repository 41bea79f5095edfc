package org.awardinghub.api;

import org.awardinghub.api.problem.ApiProblem;

/** {@code ?page=0&size=50}, checked once for every list. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 200;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            throw ApiProblem.badRequest("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ApiProblem.badRequest("size", "must be between 1 and " + MAX_SIZE);
        }
        return new Paging(p, s);
    }
}
