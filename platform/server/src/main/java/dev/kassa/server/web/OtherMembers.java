package dev.kassa.server.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one {@code Map<String, JsonValue>} component of a request record that receives the
 * members the record does not name, for a body whose members a plugin defines (a payment method's
 * visible settings). The resource checks them against what the plugin declares.
 */
@Documented
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.RUNTIME)
public @interface OtherMembers {
}
