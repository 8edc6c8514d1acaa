package dev.kassa.server.payment.application;

import dev.kassa.server.payment.domain.BankDetails;
import dev.kassa.server.payment.domain.BuiltInMethod;
import dev.kassa.server.payment.domain.PaymentMethodConfig;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.tenant.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Which payment methods a tenant offers, to which countries, with which settings. */
@ApplicationScoped
public class PaymentMethodService {
    private EntityManager em;
    private Clock clock;

    protected PaymentMethodService() {
    }

    @Inject
    public PaymentMethodService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** A method as a tenant has it configured. */
    public record ConfiguredMethod(BuiltInMethod method, PaymentMethodConfig config) {
        public BankDetails bankDetails() {
            return BankDetails.fromJson(config.settings());
        }
    }

    /** Bank transfer is on for every country from the start; its beneficiary is the tenant until set. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void installDefaults(Tenant tenant) {
        em.flush(); // the tenant row must exist before rows that reference it
        em.persist(new PaymentMethodConfig(tenant.id(), BuiltInMethod.BANK_TRANSFER.code(), true,
                List.of(PaymentMethodConfig.ALL_COUNTRIES),
                new BankDetails(tenant.name(), null, null, null).toJson(), clock.instant()));
    }

    @Transactional
    public List<ConfiguredMethod> list(String tenantId) {
        return Arrays.stream(BuiltInMethod.values()).map(m -> find(tenantId, m)).flatMap(Optional::stream).toList();
    }

    @Transactional
    public ConfiguredMethod get(String tenantId, String code) {
        BuiltInMethod method = BuiltInMethod.byCode(code).orElseThrow(KassaException::notFound);
        return find(tenantId, method).orElseThrow(KassaException::notFound);
    }

    /** The methods a payer in {@code country} may use, in catalogue order. */
    @Transactional
    public List<ConfiguredMethod> availableFor(String tenantId, String country) {
        return list(tenantId).stream().filter(m -> m.config().servesCountry(country)).toList();
    }

    /** Changes a method; {@code bankDetails} null keeps the current ones. */
    @Transactional
    public ConfiguredMethod configure(String tenantId, String code, boolean enabled, List<String> countries,
                                      BankDetails bankDetails) {
        BuiltInMethod method = BuiltInMethod.byCode(code).orElseThrow(KassaException::notFound);
        PaymentMethodConfig config = em.find(PaymentMethodConfig.class,
                new PaymentMethodConfig.Key(tenantId, method.code()));
        String settings = bankDetails != null ? bankDetails.toJson() : config == null ? null : config.settings();
        if (config == null) {
            config = new PaymentMethodConfig(tenantId, method.code(), enabled, countries, settings, clock.instant());
            em.persist(config);
        } else {
            config.update(enabled, countries, settings, clock.instant());
        }
        return new ConfiguredMethod(method, config);
    }

    private Optional<ConfiguredMethod> find(String tenantId, BuiltInMethod method) {
        return Optional.ofNullable(em.find(PaymentMethodConfig.class, new PaymentMethodConfig.Key(tenantId, method.code())))
                .map(c -> new ConfiguredMethod(method, c));
    }
}
