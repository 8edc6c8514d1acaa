package dev.kassa.server.web;

/**
 * A request body: a record bound from JSON by {@link RequestBinder} and checked with its Jakarta
 * Validation constraints before the resource method sees it. Resources take one as their entity
 * parameter; a body that does not bind or validate never reaches them.
 */
public interface JsonRequest {
}
