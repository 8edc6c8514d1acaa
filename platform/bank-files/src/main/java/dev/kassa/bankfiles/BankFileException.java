package dev.kassa.bankfiles;

/** A file that is not a statement this reader understands; {@link #code()} is a stable problem code. */
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
