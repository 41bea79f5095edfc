package org.awardinghub.command.privacy;

/** Asks, once per installation, for the events stored before personal data was sealed to be sealed (ADR 0164). */
public record RequestPersonalDataSealing() {}
