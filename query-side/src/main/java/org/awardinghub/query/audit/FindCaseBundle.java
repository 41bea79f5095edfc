package org.awardinghub.query.audit;

/** A frozen case's bundle ({@link CaseBundle}); null when no such case. */
public record FindCaseBundle(String caseId) {}
