package dev.kassa.server.clientarea.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** Which failed-payment notices a customer dismissed: one row per top-up, within one tenant and account. */
public interface DismissedNoticeRepository {
    /** Those of {@code topUpIds} the account dismissed. */
    Set<String> dismissed(String tenantId, String accountId, Collection<String> topUpIds);

    /** Records a dismissal; dismissing again changes nothing. */
    void dismiss(String tenantId, String accountId, String topUpId, Instant at);
}
