package dev.kassa.server.document.domain;

/** QUEUED until the worker has rendered and stored it (STORED, for good) or given up on it (FAILED). */
public enum DocumentStatus {
    QUEUED,
    STORED,
    FAILED
}
