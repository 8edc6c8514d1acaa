package dev.kassa.server.document.application;

import dev.kassa.server.document.domain.DocumentKind;

/** A queued document one worker has taken, until its lease ends. */
public record ClaimedDocument(String id, String tenantId, DocumentKind kind, String sourceId, String locale,
                              int attempt) { }
