package dev.kassa.server.payment.domain;

/** The statuses of the product documents: New while the outcome is open, then Paid or Cancelled. */
public enum TopUpStatus { NEW, PAID, CANCELLED }
