/**
 * The Kassa plugin contract: small PF4J extension points and plain records that payment-method,
 * rate-source, bank-statement and theme plugins implement. Nothing here depends on Jakarta EE, JPA or
 * a JSON library.
 */
package dev.kassa.api;
