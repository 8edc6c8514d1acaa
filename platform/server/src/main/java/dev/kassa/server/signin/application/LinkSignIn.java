package dev.kassa.server.signin.application;

/** A customer signed in by a sign-in link; {@code returnTo} is the client-area path to go to, or null. */
public record LinkSignIn(CustomerSession session, String returnTo) { }
