package dev.kassa.server.account.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kassa.server.account.domain.VatIdAnswer;
import dev.kassa.testkit.vies.ViesFake;
import dev.kassa.testkit.vies.ViesFake.Answer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The VIES client against a local fake of the Commission's REST API. */
class ViesClientTest {
    private static final String REQUESTER = "FR40303265045";
    private ViesFake vies;
    private ViesClient client;

    @BeforeEach
    void start() {
        vies = new ViesFake().start();
        // The first request of a JVM is slow (classes, TLS and HTTP/2 machinery): not the timeout under test.
        new ViesClient(URI.create(vies.baseUrl()), Duration.ofSeconds(30)).check("DE000000001", null);
        client = new ViesClient(URI.create(vies.baseUrl()), Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() {
        vies.close();
    }

    @Test
    void aValidVatIdComesWithItsConsultationNumberNameAndAddress() {
        vies.answer("DE123456789", Answer.valid("ANALYTICAL ENGINES GMBH", "HAUPTSTR. 1\n10115 BERLIN"));
        VatIdAnswer answer = client.check("DE123456789", REQUESTER);
        assertEquals(VatIdAnswer.Outcome.VALID, answer.outcome());
        assertEquals(true, answer.consultationNumber().startsWith("WAPIAAAA"));
        assertEquals("ANALYTICAL ENGINES GMBH", answer.name());
        assertEquals("HAUPTSTR. 1\n10115 BERLIN", answer.address());
        assertNull(answer.error());
        JsonObject asked = vies.questions("DE123456789").get(0);
        assertEquals("DE", asked.getString("countryCode"));
        assertEquals("123456789", asked.getString("vatNumber"));
        assertEquals("FR", asked.getString("requesterMemberStateCode"));
        assertEquals("40303265045", asked.getString("requesterNumber"));
    }

    @Test
    void withoutARequesterThereIsNoConsultationNumber() {
        VatIdAnswer answer = client.check("ELO94259216", null);
        assertEquals(VatIdAnswer.Outcome.VALID, answer.outcome());
        assertNull(answer.consultationNumber());
        JsonObject asked = vies.questions("ELO94259216").get(0);
        assertEquals("EL", asked.getString("countryCode"), "Greece is EL in VIES");
        assertEquals(false, asked.containsKey("requesterNumber"));
    }

    @Test
    void anInvalidVatIdIsInvalidAndUndisclosedDetailsAreNull() {
        vies.answer("DE999999999", Answer.invalid());
        VatIdAnswer answer = client.check("DE999999999", REQUESTER);
        assertEquals(VatIdAnswer.Outcome.INVALID, answer.outcome());
        assertNull(answer.name(), "--- is VIES's way of saying nothing");
        assertNull(answer.address());
    }

    @Test
    void inputViesRejectsIsInvalid() {
        vies.answer("DE000000000", Answer.error(400, "INVALID_INPUT"));
        assertEquals(VatIdAnswer.Outcome.INVALID, client.check("DE000000000", null).outcome());
    }

    @Test
    void everyOutageIsUnavailableNeverInvalid() {
        assertOutage(Answer.error(200, "MS_UNAVAILABLE"), "MS_UNAVAILABLE");
        assertOutage(Answer.error(500, "SERVICE_UNAVAILABLE"), "SERVICE_UNAVAILABLE");
        assertOutage(Answer.error(200, "TIMEOUT"), "TIMEOUT");
        assertOutage(Answer.error(429, "GLOBAL_MAX_CONCURRENT_REQ"), "GLOBAL_MAX_CONCURRENT_REQ");
        assertOutage(Answer.error(200, "MS_MAX_CONCURRENT_REQ"), "MS_MAX_CONCURRENT_REQ");
        assertOutage(Answer.http(503), "HTTP_503");
        assertOutage(new Answer(200, "{\"countryCode\":\"DE\"}", Duration.ZERO), "BAD_ANSWER");
        assertOutage(Answer.valid("SLOW", "---").after(Duration.ofSeconds(2)), "TIMEOUT");
    }

    private void assertOutage(Answer given, String error) {
        vies.answer("DE111111111", given);
        VatIdAnswer answer = client.check("DE111111111", REQUESTER);
        assertEquals(VatIdAnswer.Outcome.UNAVAILABLE, answer.outcome(), error);
        assertEquals(error, answer.error());
    }

    @Test
    void anUnreachableViesIsUnavailable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        VatIdAnswer answer = new ViesClient(URI.create("http://127.0.0.1:" + closed + "/vies"))
                .check("DE123456789", null);
        assertEquals(VatIdAnswer.Outcome.UNAVAILABLE, answer.outcome());
        assertEquals("UNREACHABLE", answer.error());
    }

    @Test
    void aRequesterViesRefusesIsDroppedAndTheQuestionAskedAgain() {
        vies.answer("DE222222222", Answer.error(400, "INVALID_REQUESTER_INFO"),
                Answer.valid("ENGINES", "---"));
        VatIdAnswer answer = client.check("DE222222222", "FR00000000000");
        assertEquals(VatIdAnswer.Outcome.VALID, answer.outcome());
        assertNull(answer.consultationNumber());
        assertEquals(2, vies.questions("DE222222222").size());
        assertEquals(false, vies.questions("DE222222222").get(1).containsKey("requesterNumber"));
    }
}
