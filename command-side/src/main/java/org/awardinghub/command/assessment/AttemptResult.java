package org.awardinghub.command.assessment;

import org.awardinghub.events.assessment.Outcome;

/** What submitting answers: the result, and nothing about which answers were right. */
public record AttemptResult(String attemptId, int score, int maxScore, double percent, Outcome outcome) {}
