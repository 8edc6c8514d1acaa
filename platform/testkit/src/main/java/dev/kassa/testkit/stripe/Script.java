package dev.kassa.testkit.stripe;

/**
 * A scripted outcome for the next confirmation of an intent, or the next refund.
 *
 * @param kind what happens
 * @param code the decline code or refund failure reason, for {@link Kind#DECLINE} and {@link Kind#REFUND_FAIL}
 */
record Script(Kind kind, String code) {
    enum Kind {
        /** The bank approves (the default). */
        SUCCEED,
        /** The bank declines with {@link Script#code()}. */
        DECLINE,
        /** The bank wants 3-D Secure: a redirect on-session, {@code authentication_required} off-session. */
        AUTHENTICATE,
        /** Accepted, but the money arrives later ({@code processing}) until {@link StripeFake#settle}. */
        PROCESS,
        /** A refund stays {@code pending} until {@link StripeFake#settleRefund}. */
        REFUND_PENDING,
        /** A refund fails with reason {@link Script#code()}. */
        REFUND_FAIL
    }

    static final Script SUCCEED = new Script(Kind.SUCCEED, null);
}
