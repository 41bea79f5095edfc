package org.awardinghub.query.user;

/** A user's id, PIN and display name: what an answer shows beside an id or PIN a person reads. */
public record PersonName(String userId, String pin, String name) {}
