package dev.kassa.testkit;

import java.util.concurrent.atomic.AtomicInteger;

/** A running Kassa server as tests see it: the operator's client and fresh tenants on demand. */
public final class Kassa {
    private static final AtomicInteger TENANTS = new AtomicInteger();

    private final KassaProcess process;
    private final String operatorToken;

    public Kassa(KassaProcess process, String operatorToken) {
        this.process = process;
        this.operatorToken = operatorToken;
    }

    public ApiClient operator() {
        return new ApiClient(process.baseUri(), operatorToken);
    }

    public ApiClient anonymous() {
        return new ApiClient(process.baseUri(), null);
    }

    public KassaProcess process() {
        return process;
    }

    /** A new tenant with a unique slug (base currency EUR), and a client holding its API key. */
    public Tenant newTenant() {
        String slug = "t" + ProcessHandle.current().pid() + "-" + TENANTS.incrementAndGet() + "-"
                + Long.toString(System.nanoTime() % 1_000_000, 36);
        ApiResponse created = operator().post("tenants", Json.obj("slug", slug, "name", "Tenant " + slug,
                "baseCurrency", "EUR", "defaultLocale", "en"));
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create tenant: " + created);
        }
        return new Tenant(created.string("id"), slug,
                new ApiClient(process.baseUri(), created.string("apiKey")));
    }

    /** A tenant of the tests, with its API client. */
    public record Tenant(String id, String slug, ApiClient api) {
        /** Creates an account (country DE) and returns its id. */
        public String newAccount() {
            return newAccount("DE");
        }

        public String newAccount(String country) {
            ApiResponse r = api.post("accounts", Json.obj("email", "c" + System.nanoTime() + "@example.com",
                    "name", "Customer", "country", country, "locale", "en"));
            if (r.status() != 201) {
                throw new IllegalStateException("cannot create account: " + r);
            }
            return r.string("id");
        }

        /** Credits an account through a reported bank transfer quoting the account's reference. */
        public void fund(String accountId, String amount) {
            String reference = api.get("accounts/" + accountId).string("reference");
            ApiResponse r = api.post("bank-transfers", Json.obj("bankTransactionId", "fund-" + System.nanoTime(),
                    "reference", reference, "amount", Json.money(amount, "EUR")));
            if (r.status() != 201) {
                throw new IllegalStateException("cannot fund account: " + r);
            }
        }

        public String balance(String accountId) {
            return api.get("accounts/" + accountId).amount("balance");
        }
    }
}
