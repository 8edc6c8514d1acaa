package dev.kassa.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class StatusesTest {

    @Test
    void statusesCarryTheirRfc9110Phrases() {
        assertEquals("Unprocessable Content", Statuses.of(422).getReasonPhrase());
        assertEquals("Content Too Large", Statuses.of(413).getReasonPhrase());
        assertEquals("Too Many Requests", Statuses.of(429).getReasonPhrase());
        assertEquals("Conflict", Statuses.of(409).getReasonPhrase());
        assertEquals("Created", Statuses.of(201).getReasonPhrase());
        assertEquals(422, Statuses.of(422).getStatusCode());
        assertEquals(Response.Status.Family.CLIENT_ERROR, Statuses.of(422).getFamily());
    }

    @Test
    void aCodeWithoutAPhraseIsNamedByItsClass() {
        assertEquals("Client Error", Statuses.of(499).getReasonPhrase());
        assertEquals("Server Error", Statuses.of(599).getReasonPhrase());
    }

    @Test
    void outsidePayaraTheContainerTableIsLeftAlone() {
        Statuses.teachContainer(); // no Grizzly on this class path: nothing to do, nothing thrown
    }
}
