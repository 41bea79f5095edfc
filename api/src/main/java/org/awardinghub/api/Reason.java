package org.awardinghub.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.awardinghub.api.text.MultiLine;

/** The body of every call that only needs to say why: {@code {"reason": "..."}}. */
public record Reason(@NotBlank @Size(max = 1000) @MultiLine String reason) {}
