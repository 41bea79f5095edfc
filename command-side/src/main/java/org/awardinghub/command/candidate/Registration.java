package org.awardinghub.command.candidate;

/** What registering a candidate answers. */
public record Registration(String candidateId, String registrationNumber, boolean late) {}
