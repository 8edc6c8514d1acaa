package dev.kassa.server.web;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Constraint violations raised anywhere in a request (a constrained parameter, a bean validated by
 * hand) answer like a bad body does: 422 with every field in {@code errors}, each with its code.
 */
@Provider
public class ViolationMapper implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
        return Problems.response(RequestBinder.refusal(RequestBinder.fieldErrors(e.getConstraintViolations())));
    }
}
