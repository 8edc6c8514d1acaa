package dev.kassa.server.signin.application;

import java.net.URI;
import java.time.Instant;

/** A single-use link for a customer, and until when it works. */
public record IssuedLink(URI url, Instant expiresAt) { }
