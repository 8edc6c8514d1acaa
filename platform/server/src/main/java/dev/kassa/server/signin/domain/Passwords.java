package dev.kassa.server.signin.domain;

/** One-way password hashes, slow on purpose. */
public interface Passwords {
    /** An encoded hash of the password, with its own random salt and the parameters it was made with. */
    String hash(String password);

    /** Whether the password matches the encoded hash; false for a hash it cannot read. Takes as long either way. */
    boolean verify(String password, String encoded);
}
