package dev.kassa.server.mail.application;

import dev.kassa.server.billing.application.BatchedWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/** A billing run's batch puts its customers' mails into the outbox at once ({@link MailOutbox#collecting}). */
@ApplicationScoped
public class BatchedMails implements BatchedWrites {
    private MailOutbox outbox;

    protected BatchedMails() {
    }

    @Inject
    public BatchedMails(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public <T> T collecting(Supplier<T> work) {
        return outbox.collecting(work);
    }
}
