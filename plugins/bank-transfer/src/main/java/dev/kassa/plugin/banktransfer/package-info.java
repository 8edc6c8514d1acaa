/**
 * The bank-transfer payment method: the customer sends the money to the tenant's bank account
 * and the tenant reports it received. No gateway, no network calls.
 */
package dev.kassa.plugin.banktransfer;
