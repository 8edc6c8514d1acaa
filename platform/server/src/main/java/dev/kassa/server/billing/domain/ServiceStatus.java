package dev.kassa.server.billing.domain;

/** Where a service stands: billed and running, stopped for an unpaid renewal, or ended for good. */
public enum ServiceStatus { ACTIVE, SUSPENDED, TERMINATED }
