package dev.kassa.plugin.paypal;

import com.paypal.sdk.models.CreatePaymentTokenInput;
import com.paypal.sdk.models.CreateSetupTokenInput;
import com.paypal.sdk.models.Customer;
import com.paypal.sdk.models.ExperienceContextShippingPreference;
import com.paypal.sdk.models.PaymentTokenRequest;
import com.paypal.sdk.models.PaymentTokenRequestPaymentSource;
import com.paypal.sdk.models.PaymentTokenResponse;
import com.paypal.sdk.models.PaypalPaymentTokenCustomerType;
import com.paypal.sdk.models.PaypalPaymentTokenUsageType;
import com.paypal.sdk.models.SetupTokenRequest;
import com.paypal.sdk.models.SetupTokenRequestPaymentSource;
import com.paypal.sdk.models.SetupTokenResponse;
import com.paypal.sdk.models.VaultExperienceContext;
import com.paypal.sdk.models.VaultPaypalWalletRequest;
import com.paypal.sdk.models.VaultTokenRequest;
import com.paypal.sdk.models.VaultTokenRequestType;
import dev.kassa.api.payment.NextAction;
import dev.kassa.api.payment.SavedMethodDetails;
import dev.kassa.api.payment.SetupRequest;
import dev.kassa.api.payment.SetupResult;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Saving a payer's PayPal account without paying now, through the Vault v3 API (the SDK's
 * {@code VaultController}): a setup token (with the saved method's id as {@code PayPal-Request-Id}) the
 * payer approves on PayPal's page, then a payment token made from it ({@code vault-<setup token>} as
 * request id, so asking twice makes one token). The payment token's id is the saved method's token,
 * charged later by {@link PayPalOrders#payWithVault}. A PayPal account has no card number or expiry:
 * the saved method's brand is {@code paypal} and its last four digits and expiry are empty.
 */
final class PayPalVault {
    private final PayPalApi api;

    PayPalVault(PayPalApi api) {
        this.api = api;
    }

    SetupResult setUp(SetupRequest request) {
        VaultExperienceContext.Builder experience = new VaultExperienceContext.Builder()
                .shippingPreference(ExperienceContextShippingPreference.NO_SHIPPING);
        if (request.returnUrl() != null) {
            experience.returnUrl(request.returnUrl())
                    .cancelUrl(request.cancelUrl() != null ? request.cancelUrl() : request.returnUrl());
        }
        VaultPaypalWalletRequest paypal = new VaultPaypalWalletRequest.Builder()
                .usageType(PaypalPaymentTokenUsageType.MERCHANT)
                .customerType(PaypalPaymentTokenCustomerType.CONSUMER)
                .permitMultiplePaymentTokens(true)
                .experienceContext(experience.build())
                .build();
        SetupTokenRequest.Builder body = new SetupTokenRequest.Builder(
                new SetupTokenRequestPaymentSource.Builder().paypal(paypal).build());
        if (request.customer().gatewayReference() != null) {
            body.customer(new Customer.Builder().id(request.customer().gatewayReference()).build());
        }
        try {
            PayPalApi.Reply<SetupTokenResponse> reply = api.call(client -> client.getVaultController().createSetupToken(
                    new CreateSetupTokenInput.Builder(PayPalOrders.CONTENT_TYPE, body.build())
                            .paypalRequestId(request.savedMethodId())
                            .build()));
            if (!reply.ok()) {
                return SetupResult.failed(null, reply.issue(), reply.message()).withSavedMethodId(request.savedMethodId());
            }
            return read(reply.result()).withSavedMethodId(request.savedMethodId());
        } catch (PayPalApi.Refused e) {
            return SetupResult.failed(null, e.code(), e.getMessage()).withSavedMethodId(request.savedMethodId());
        } catch (PayPalApi.Unanswered e) {
            return SetupResult.unknown(null, e.getMessage()).withSavedMethodId(request.savedMethodId());
        }
    }

    SetupResult status(String setupTokenId) {
        try {
            PayPalApi.Reply<SetupTokenResponse> reply = api.call(client -> client.getVaultController()
                    .getSetupToken(setupTokenId));
            if (reply.status() == 404) {
                return SetupResult.failed(setupTokenId, "setup_expired",
                        "PayPal no longer knows the setup: the payer did not approve it in time");
            }
            if (!reply.ok()) {
                return SetupResult.unknown(setupTokenId, reply.message());
            }
            return read(reply.result());
        } catch (PayPalApi.Refused | PayPalApi.Unanswered e) {
            return SetupResult.unknown(setupTokenId, e.getMessage());
        }
    }

    void remove(String paymentTokenId) {
        try {
            PayPalApi.Reply<Void> reply = api.call(client -> client.getVaultController().deletePaymentToken(paymentTokenId));
            if (!reply.ok() && reply.status() != 404) {
                throw PayPalApi.unreachable(new PayPalApi.Unanswered(reply.message(), null));
            }
        } catch (PayPalApi.Unanswered e) {
            throw PayPalApi.unreachable(e);
        } catch (PayPalApi.Refused e) {
            throw new UncheckedIOException(new java.io.IOException(e.getMessage(), e));
        }
    }

    /** A payment token as PayPal holds it. */
    PayPalApi.Reply<PaymentTokenResponse> paymentToken(String paymentTokenId) {
        return api.call(client -> client.getVaultController().getPaymentToken(paymentTokenId));
    }

    private SetupResult read(SetupTokenResponse setupToken) {
        String id = setupToken.getId();
        String status = setupToken.getStatus() == null ? null : setupToken.getStatus().value();
        String customer = setupToken.getCustomer() == null ? null : setupToken.getCustomer().getId();
        SetupResult result;
        switch (String.valueOf(status)) {
            case "CREATED":
            case "PAYER_ACTION_REQUIRED":
                String link = PayPalOrders.link(setupToken.getLinks(), "approve");
                result = link == null ? SetupResult.unknown(id, "PayPal gave no approval link")
                        : SetupResult.actionRequired(id, NextAction.redirect(link, Map.of("setupToken", id)));
                break;
            case "APPROVED":
            case "VAULTED":
            case "TOKENIZED":
                result = tokenize(id);
                break;
            default:
                result = SetupResult.unknown(id, "PayPal setup token status " + status);
        }
        return customer == null || result.customerReference() != null ? result : result.withCustomerReference(customer);
    }

    private SetupResult tokenize(String setupTokenId) {
        PaymentTokenRequest body = new PaymentTokenRequest.Builder(new PaymentTokenRequestPaymentSource.Builder()
                .token(new VaultTokenRequest.Builder(setupTokenId, VaultTokenRequestType.SETUP_TOKEN).build())
                .build()).build();
        PayPalApi.Reply<PaymentTokenResponse> reply = api.call(client -> client.getVaultController().createPaymentToken(
                new CreatePaymentTokenInput.Builder(PayPalOrders.CONTENT_TYPE, body)
                        .paypalRequestId("vault-" + setupTokenId)
                        .build()));
        if (!reply.ok()) {
            return SetupResult.failed(setupTokenId, reply.issue(), reply.message());
        }
        PaymentTokenResponse token = reply.result();
        SetupResult saved = SetupResult.succeeded(setupTokenId, new SavedMethodDetails(token.getId(), "paypal", null, 0, 0));
        String customer = token.getCustomer() == null ? null : token.getCustomer().getId();
        return customer == null ? saved : saved.withCustomerReference(customer);
    }
}
