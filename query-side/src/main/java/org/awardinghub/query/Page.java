package org.awardinghub.query;

import java.util.List;

/** One page of a list, as the API answers it: {@code {items, page, size, total}}. */
public record Page<T>(List<T> items, int page, int size, long total) {}
