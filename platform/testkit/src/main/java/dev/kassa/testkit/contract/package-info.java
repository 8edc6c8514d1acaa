/**
 * The contract every payment plugin keeps: {@link dev.kassa.testkit.contract.PaymentMethodContract},
 * an abstract JUnit 5 class a plugin's test extends, and
 * {@link dev.kassa.testkit.contract.ContractGateway}, which the test implements over its gateway
 * fake so that the contract can script the gateway and play the customer.
 */
package dev.kassa.testkit.contract;
