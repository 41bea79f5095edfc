package org.awardinghub.command.assessment;

/**
 * An assessment's rules as now in force, from {@link ItemDirectory#rules}: how many questions a form has, the minutes
 * allowed and the pass mark (percent). An attempt copies them when it opens, and keeps its copy.
 */
record AssessmentRules(
        String assessmentCode, String qualificationCode, int questionCount, int durationMinutes, int passPercent) {}
