package dev.kassa.api.statement;

/**
 * A file that is not a statement this reader understands; {@link #code()} is a stable problem code,
 * which the platform answers the upload with (HTTP 422) beside the message. A {@link StatementReader}
 * throws it with one of the codes the platform documents: {@code statement.unreadable} (not this
 * format, or not well-formed), {@code statement.invalid} (an entry lacks what it needs, an amount or a
 * date does not read) or {@code statement.unsupported_version} (the format, in a version not read).
 * The message is shown to the tenant: it says what is wrong, and echoes no more of the file than a
 * short value.
 */
public class BankFileException extends RuntimeException {
    private final String code;

    public BankFileException(String code, String message) {
        super(message);
        this.code = code;
    }

    public BankFileException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
