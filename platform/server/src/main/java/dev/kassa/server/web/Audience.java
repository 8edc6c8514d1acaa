package dev.kassa.server.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a JAX-RS resource: declared on the resource class, or on a method to override the
 * class. {@link AuthFilter} decides by the resource that matched, never by the request's path, and
 * refuses every caller of a resource that declares no audience, so a new endpoint cannot be open by
 * accident.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Audience {
    Party value();

    /** The kinds of callers. */
    enum Party {
        /** The installation's operator, with the operator token. */
        OPERATOR,
        /** One tenant, with one of its API keys; the tenant comes from the key. */
        TENANT
    }
}
