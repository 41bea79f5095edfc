package org.awardinghub.api.mail;

/** Sends email: into the in-app outbox by default, through SMTP when configured. */
public interface Mailer {
    void send(String to, String subject, String body);
}
