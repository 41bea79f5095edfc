package org.awardinghub.command;

/** A command that must say why. The reason travels in the command and is kept in every event's metadata. */
public interface Reasoned {
    String reason();
}
