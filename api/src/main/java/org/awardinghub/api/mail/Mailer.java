package org.awardinghub.api.mail;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Sends email: into the in-app outbox by default, through SMTP when configured. */
public interface Mailer {
    void send(String to, String subject, String body);

    /**
     * Runs a delivery once the transaction that sent the message has committed, or at once outside one: a change
     * rolled back sends nothing.
     */
    static void afterCommit(Runnable delivery) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delivery.run();
                }
            });
        } else {
            delivery.run();
        }
    }
}
