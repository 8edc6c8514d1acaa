package dev.kassa.server.payment.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts tenants' payment-method credentials for the database with AES-256-GCM under the
 * platform's master key.
 *
 * <p>A stored value is {@code v1:} followed by the unpadded base64url of a random 96-bit IV, the
 * ciphertext and the 128-bit tag. The associated data names the row the value belongs to
 * ({@code tenantId + "/" + methodCode}): it is authenticated, not stored, so a value copied to
 * another tenant's or another method's row does not decrypt.
 *
 * <p>Thread-safe. The key never leaves the instance: not in messages, not in {@link #toString()}.
 */
public class CredentialCipher {
    /** The name of the generated key file in the data directory. */
    public static final String KEY_FILE = "master.key";

    static final int KEY_BYTES = 32;
    private static final String VERSION = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    /**
     * A cipher with the given key.
     *
     * @param key 32 bytes; copied
     * @throws IllegalArgumentException when the key is not 32 bytes long
     */
    public CredentialCipher(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The cipher under the operator's master key: {@code KASSA_MASTER_KEY} when set, else the key
     * kept in {@code <dataDir>/master.key}, generated (mode 0600) on the first start.
     *
     * @param masterKey the key of {@code KASSA_MASTER_KEY}, checked by {@link dev.kassa.server.config.Settings}
     * @param dataDir the data directory; created if missing
     * @throws IllegalStateException when the key file does not hold a 32-byte key, or when it can be
     *     read or written by group or others: Kassa must not start
     * @throws UncheckedIOException when the key file cannot be read or written
     */
    public static CredentialCipher fromSettings(Optional<byte[]> masterKey, Path dataDir) {
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(dataDir, "dataDir");
        if (masterKey.isPresent()) {
            return new CredentialCipher(masterKey.get());
        }
        return new CredentialCipher(MasterKeyFile.readOrCreate(dataDir.resolve(KEY_FILE)));
    }

    /**
     * Encrypts a value for the row named by {@code aad}; the same plaintext gives a different text
     * every time.
     */
    public String encrypt(String plaintext, String aad) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(aad, "aad");
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, aad);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Decrypts a value stored for the row named by {@code aad}.
     *
     * @throws UnreadableCredentials when the value is not of this format, was encrypted with another
     *     key or for another row, or was altered
     */
    public String decrypt(String stored, String aad) {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(aad, "aad");
        if (!stored.startsWith(VERSION)) {
            throw new UnreadableCredentials("not a v1 credential value");
        }
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(stored.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new UnreadableCredentials("not base64url");
        }
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            throw new UnreadableCredentials("too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, IV_BYTES), aad);
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadableCredentials("wrong key, wrong row or altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public String toString() {
        return "CredentialCipher[AES-256-GCM, v1]";
    }

    private Cipher cipher(int mode, byte[] iv, String aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** Reads a 32-byte key in base64, standard or url-safe; the message never repeats the value. */
    static byte[] decodeKey(String text, String source) {
        String hint = " Generate one with: openssl rand -base64 32";
        byte[] key;
        try {
            String standard = text.strip().replace('-', '+').replace('_', '/');
            key = Base64.getDecoder().decode(standard);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64." + hint);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(source + " must decode to exactly 32 bytes, not " + key.length + "."
                    + hint);
        }
        return key;
    }

    /**
     * Credentials that cannot be decrypted: another key, another row's associated data, an altered
     * or truncated value. The message says which kind of problem, never the value or the key.
     */
    public static class UnreadableCredentials extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnreadableCredentials(String reason) {
            super("stored credentials cannot be decrypted: " + reason);
        }
    }

    /**
     * The generated master key in the data directory. It is written to a temporary file (mode 0600
     * from its creation) and then hard-linked to its name, which fails if the name exists: of
     * several nodes or processes starting at once on one data directory, the first to link wins
     * and the others read its key.
     */
    private static final class MasterKeyFile {
        private static final Set<PosixFilePermission> SHARED = EnumSet.of(PosixFilePermission.GROUP_READ,
                PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

        static byte[] readOrCreate(Path file) {
            try {
                if (Files.exists(file)) {
                    return read(file);
                }
                Files.createDirectories(file.toAbsolutePath().getParent());
                return create(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or write the master key file " + file, e);
            }
        }

        private static byte[] read(Path file) throws IOException {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
                if (!Collections.disjoint(permissions, SHARED)) {
                    throw new IllegalStateException("The master key file " + file + " is open to group or others ("
                            + PosixFilePermissions.toString(permissions) + "). Run: chmod 600 " + file);
                }
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return decodeKey(text, "The master key file " + file);
        }

        private static byte[] create(Path file) throws IOException {
            Path dir = file.toAbsolutePath().getParent();
            byte[] key = new byte[KEY_BYTES];
            RANDOM.nextBytes(key);
            Path temp = Files.createTempFile(dir, "." + KEY_FILE + "-", ".tmp", privateFile(dir));
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    String text = Base64.getEncoder().encodeToString(key) + "\n";
                    channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
                    channel.force(true);
                }
                publish(temp, file);
                syncDirectory(dir);
                return key;
            } catch (FileAlreadyExistsException e) {
                return read(file); // another process got there first: its key is the key
            } finally {
                Files.deleteIfExists(temp);
            }
        }

        /** Gives the complete temporary file its final name, unless that name already exists. */
        private static void publish(Path temp, Path file) throws IOException {
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | IOException e) {
                // no hard links here (FAT, some network shares): move without replacing instead,
                // which checks for the name before renaming, so a start at the same instant could race
                Files.move(temp, file);
            }
        }

        private static FileAttribute<?>[] privateFile(Path dir) {
            if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) == null) {
                return new FileAttribute<?>[0];
            }
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
        }

        /** Makes the new name durable; not every platform can open a directory, so best effort. */
        private static void syncDirectory(Path dir) {
            try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException | UnsupportedOperationException e) {
                // the key file itself was forced; on these platforms the rename is as durable as it gets
            }
        }
    }
}
