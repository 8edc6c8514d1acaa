package dev.kassa.server.payment.application;

import dev.kassa.server.account.application.OpenTopUps;
import dev.kassa.server.payment.domain.TopUpRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Tells the account context whether an account has top-ups still NEW. */
@ApplicationScoped
public class AccountOpenTopUps implements OpenTopUps {
    private TopUpRepository topUps;

    protected AccountOpenTopUps() {
    }

    @Inject
    public AccountOpenTopUps(TopUpRepository topUps) {
        this.topUps = topUps;
    }

    @Override
    public boolean exist(String tenantId, String accountId) {
        return topUps.anyOpen(tenantId, accountId);
    }
}
