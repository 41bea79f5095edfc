package org.awardinghub.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of every call that only needs to say why: {@code {"reason": "..."}}. */
public record Reason(@NotBlank @Size(max = 1000) String reason) {}
