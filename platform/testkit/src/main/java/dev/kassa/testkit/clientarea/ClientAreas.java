package dev.kassa.testkit.clientarea;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Json;
import dev.kassa.testkit.Kassa;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Client areas of test tenants: a host name each, and customers signed in through an invitation. */
public final class ClientAreas {
    /** The password every test customer chooses. */
    public static final String PASSWORD = "correct horse battery";

    private ClientAreas() {
    }

    /** {@code <slug>.localhost}: the host name {@link #open} gives the tenant's client area. */
    public static String hostOf(Kassa.Tenant tenant) {
        return tenant.slug() + ".localhost";
    }

    /** Gives the tenant's client area its host name, and a browser on it. */
    public static ClientAreaClient open(Kassa kassa, Kassa.Tenant tenant) {
        ApiResponse set = tenant.api().put("settings/client-area",
                Json.obj("hosts", List.of(hostOf(tenant)), "signUp", false));
        if (set.status() != 200) {
            throw new IllegalStateException("cannot set the client area's host: " + set);
        }
        return new ClientAreaClient(kassa.process().baseUri(), hostOf(tenant));
    }

    /** A new account of the tenant (no language of its own), returning its id. */
    public static String newCustomer(Kassa.Tenant tenant, String name, String country) {
        ApiResponse r = tenant.api().post("accounts", Json.obj("email", "c" + System.nanoTime() + "@example.com",
                "name", name, "country", country));
        if (r.status() != 201) {
            throw new IllegalStateException("cannot create account: " + r);
        }
        return r.string("id");
    }

    /**
     * Signs the account's customer in on {@code browser}: the tenant invites them, they open the
     * link and choose {@link #PASSWORD}. Returns the browser, now on the start page.
     */
    public static ClientAreaClient signIn(Kassa.Tenant tenant, String accountId, ClientAreaClient browser) {
        ApiResponse invitation = tenant.api().post("accounts/" + accountId + "/invitations", "{}");
        if (invitation.status() != 201) {
            throw new IllegalStateException("cannot invite: " + invitation);
        }
        URI link = URI.create(invitation.string("url"));
        ClientAreaClient.Page form = browser.get(link.getRawPath() + "?" + link.getRawQuery());
        if (form.status() != 200) {
            throw new IllegalStateException("the invitation's page did not open: " + form);
        }
        String token = link.getRawQuery().substring("token=".length());
        ClientAreaClient.Page done = browser.post("/set-password", Map.of("token",
                java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8),
                "password", PASSWORD, "confirm", PASSWORD));
        if (done.status() != 303) {
            throw new IllegalStateException("choosing the password failed: " + done);
        }
        browser.follow(done);
        return browser;
    }
}
