package dev.kassa.server.web.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kassa.server.payment.api.PaymentRequests.NewSavedMethodRequest;
import dev.kassa.server.payment.api.PaymentRequests.NewTopUpRequest;
import dev.kassa.server.payment.application.ReturnUrls;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.web.RequestBinder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The return URLs a top-up or a saved method may carry, as the JSON API reads them. */
class ReturnUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://billing.example.com/top-ups/done?id=top_1#result",
            "https://example.com", "HTTPS://EXAMPLE.COM/x", "http://localhost:8080/back",
            "http://demo.localhost:8080/payments", "http://127.0.0.1/back"})
    void absoluteHttpsUrlsAndTheLoopbackPass(String url) {
        NewTopUpRequest request = bind(NewTopUpRequest.class, topUp().add("returnUrl", url).add("cancelUrl", url));
        assertEquals(url, request.returnUrl());
        assertEquals(url, request.cancelUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://billing.example.com/back", "ftp://example.com/x", "/top-ups/done",
            "example.com/back", "https:///path", "https://user:secret@example.com/", "javascript:alert(1)",
            "http://localhost.example.com/", "https://exa mple.com/", "http://10.0.0.1/back"})
    void otherUrlsAreUrlInvalid(String url) {
        assertEquals(List.of("url.invalid"), codes(NewTopUpRequest.class, topUp().add("returnUrl", url)));
        assertEquals(List.of("url.invalid"), codes(NewSavedMethodRequest.class, savedMethod().add("cancelUrl", url)
                .add("returnUrl", "https://example.com/")));
    }

    @Test
    void aUrlLongerThan2000CharactersIsUrlInvalid() {
        String base = "https://example.com/";
        String fits = base + "a".repeat(2000 - base.length());
        assertEquals(fits, bind(NewTopUpRequest.class, topUp().add("returnUrl", fits)).returnUrl());
        KassaException e = assertThrows(KassaException.class,
                () -> bind(NewTopUpRequest.class, topUp().add("returnUrl", fits + "a")));
        assertEquals(List.of(new FieldError("returnUrl", "url.invalid", "must be a URL of at most 2000 characters")),
                e.errors());
    }

    @Test
    void blankAndMistypedUrlsGetTheUsualCodes() {
        assertEquals(List.of("blank"), codes(NewTopUpRequest.class, topUp().add("returnUrl", " ")));
        assertEquals(List.of("type"), codes(NewTopUpRequest.class, topUp().add("returnUrl", 42)));
    }

    @Test
    void noUrlIsAnApiClientAndACancelUrlNeedsAReturnUrl() {
        NewTopUpRequest request = bind(NewTopUpRequest.class, topUp());
        assertNull(request.returnUrl());
        assertEquals(ReturnUrls.NONE, ReturnUrls.of(null, null));
        KassaException e = assertThrows(KassaException.class, () -> ReturnUrls.of(null, "https://example.com/no"));
        assertEquals("request.invalid", e.code());
        assertEquals(List.of(new FieldError("returnUrl", "required", "is required with cancelUrl")), e.errors());
    }

    private static jakarta.json.JsonObjectBuilder topUp() {
        return Json.createObjectBuilder().add("amount", Json.createObjectBuilder().add("amount", "10.00")
                .add("currency", "EUR")).add("method", "stripe-card");
    }

    private static jakarta.json.JsonObjectBuilder savedMethod() {
        return Json.createObjectBuilder().add("method", "stripe-card").add("payerId", "pyr_1");
    }

    private static List<String> codes(Class<? extends dev.kassa.server.web.JsonRequest> type,
                                      jakarta.json.JsonObjectBuilder body) {
        KassaException e = assertThrows(KassaException.class, () -> bind(type, body));
        assertEquals("request.invalid", e.code());
        return e.errors().stream().map(FieldError::code).toList();
    }

    private static <T extends dev.kassa.server.web.JsonRequest> T bind(Class<T> type,
                                                                       jakarta.json.JsonObjectBuilder body) {
        JsonObject json = body.build();
        return RequestBinder.bind(Json.createReader(new StringReader(json.toString())).readValue(), type);
    }
}
