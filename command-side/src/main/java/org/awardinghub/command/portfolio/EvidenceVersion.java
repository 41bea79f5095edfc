package org.awardinghub.command.portfolio;

/** The evidence a file was recorded as, and its version (1 for new evidence). */
public record EvidenceVersion(String evidenceId, int version) {}
