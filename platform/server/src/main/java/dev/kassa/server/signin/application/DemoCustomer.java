package dev.kassa.server.signin.application;

import dev.kassa.server.config.CredentialsFile;
import dev.kassa.server.config.Secrets;
import dev.kassa.server.signin.application.Customers.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The demo customer of a tenant whose definition says {@code "demoCustomer": true} (the shipped
 * demo tenant): {@value #EMAIL}, with two payers (a person in Germany, a company in France) so that
 * the client area shows the payer choice. Its password is made at the first start, printed once
 * and kept in {@code credentials.txt}; later starts leave the customer as it is.
 *
 * <p>Called at start once the tenants are provisioned, outside their transaction: each step is a
 * transaction of its own, so that the next one finds the rows the last one wrote.
 */
@ApplicationScoped
public class DemoCustomer {
    public static final String EMAIL = "customer@demo.localhost";

    private Customers customers;
    private Credentials credentials;
    private CredentialsFile credentialsFile;
    private ClientAreaAddress address;

    protected DemoCustomer() {
    }

    @Inject
    public DemoCustomer(Customers customers, Credentials credentials, CredentialsFile credentialsFile,
                        ClientAreaAddress address) {
        this.customers = customers;
        this.credentials = credentials;
        this.credentialsFile = credentialsFile;
        this.address = address;
    }

    /**
     * Creates the tenant's demo customer unless it exists, and says where to sign in: at the first
     * start with the password made for it (kept in credentials.txt), later with where it is kept.
     */
    public void ensure(String tenantId) {
        String signIn = "Client area: " + address.baseUrl(tenantId) + "/ (customer " + EMAIL;
        if (customers.byEmail(tenantId, EMAIL).isPresent()) {
            credentialsFile.say(signIn + "; password in " + credentialsFile.file() + ")");
            return;
        }
        Customer customer = customers.open(tenantId, EMAIL, "Dana Demo", "DE");
        customers.addPayer(tenantId, customer.accountId(), false, "Dana Demo", "DE", null);
        customers.addPayer(tenantId, customer.accountId(), true, "Démo Hébergement SARL", "FR", "FR40303265045");
        String password = Secrets.newToken("").substring(0, 20);
        credentials.set(tenantId, customer.accountId(), password);
        credentialsFile.record(signIn + ", password " + password + ")");
    }
}
