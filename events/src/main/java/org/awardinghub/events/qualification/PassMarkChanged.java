package org.awardinghub.events.qualification;

public record PassMarkChanged(
        String qualificationCode, String assessmentCode, int oldPassPercent, int passPercent, String reason) {}
