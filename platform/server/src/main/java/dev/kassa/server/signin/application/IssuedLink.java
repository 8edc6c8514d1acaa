package dev.kassa.server.signin.application;

import java.net.URI;
import java.time.Instant;

/** STUB until h-signin lands. */
public record IssuedLink(URI url, Instant expiresAt) { }
