package dev.kassa.server.signin.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** STUB until h-signin lands. */
@ApplicationScoped
public class SignInService {

    public CustomerSession signIn(String tenantId, String email, String password, String remoteAddress) {
        throw new UnsupportedOperationException();
    }

    public Optional<CustomerSession> resume(String tenantId, String token) {
        return Optional.empty();
    }

    public void signOut(String tenantId, String token) {
    }

    public Optional<LinkSignIn> redeemSignInLink(String tenantId, String token, String remoteAddress) {
        return Optional.empty();
    }

    public boolean passwordTokenValid(String tenantId, String token) {
        return false;
    }

    public CustomerSession setPassword(String tenantId, String token, String newPassword, String remoteAddress) {
        throw new UnsupportedOperationException();
    }

    public void requestPasswordReset(String tenantId, String email) {
    }

    public void changePassword(String tenantId, String accountId, String currentPassword, String newPassword) {
    }
}
