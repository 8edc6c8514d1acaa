package dev.kassa.server.signin.application;


/** STUB until h-signin lands. */
public record LinkSignIn(CustomerSession session, String returnTo) { }
