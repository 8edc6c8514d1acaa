package dev.kassa.server.payment.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kassa.server.config.Settings;
import dev.kassa.server.payment.infrastructure.CredentialCipher.UnreadableCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialCipherTest {
    private static final String ROW = "7f0c3a52-0d7e-4a51-9a1e-3c2b8d0e4f11/stripe-card";
    private static final String SECRET = "{\"secretKey\":\"sk_live_51Hc\u00e9\u20ac\"}";

    @TempDir
    Path dataDir;

    private final CredentialCipher cipher = new CredentialCipher(key(1));

    @Test
    void decryptsWhatItEncrypted() {
        assertEquals(SECRET, cipher.decrypt(cipher.encrypt(SECRET, ROW), ROW));
        assertEquals("", cipher.decrypt(cipher.encrypt("", ROW), ROW));
    }

    @Test
    void storesVersionedBase64urlWithoutThePlaintext() {
        String stored = cipher.encrypt(SECRET, ROW);

        assertTrue(stored.matches("v1:[A-Za-z0-9_-]+"), stored);
        byte[] raw = Base64.getUrlDecoder().decode(stored.substring(3));
        assertEquals(12 + SECRET.getBytes(StandardCharsets.UTF_8).length + 16, raw.length);
        assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains("sk_live"));
    }

    @Test
    void theSamePlaintextGivesDifferentTexts() {
        String first = cipher.encrypt(SECRET, ROW);
        String second = cipher.encrypt(SECRET, ROW);

        assertNotEquals(first, second);
        assertNotEquals(first.substring(0, 3 + 16), second.substring(0, 3 + 16), "a fresh IV each time");
    }

    @Test
    void aValueCopiedToAnotherRowDoesNotDecrypt() {
        String stored = cipher.encrypt(SECRET, ROW);

        assertThrows(UnreadableCredentials.class,
                () -> cipher.decrypt(stored, "0a1b2c3d-0000-4000-8000-000000000000/stripe-card"));
        assertThrows(UnreadableCredentials.class,
                () -> cipher.decrypt(stored, "7f0c3a52-0d7e-4a51-9a1e-3c2b8d0e4f11/bank-transfer"));
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String stored = cipher.encrypt(SECRET, ROW);

        assertThrows(UnreadableCredentials.class, () -> new CredentialCipher(key(2)).decrypt(stored, ROW));
    }

    @Test
    void everyAlteredByteIsDetected() {
        byte[] raw = Base64.getUrlDecoder().decode(cipher.encrypt(SECRET, ROW).substring(3));
        for (int i = 0; i < raw.length; i++) {
            byte[] altered = raw.clone();
            altered[i] ^= 0x01;
            String stored = "v1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            assertThrows(UnreadableCredentials.class, () -> cipher.decrypt(stored, ROW), "byte " + i);
        }
    }

    @Test
    void truncatedOrForeignValuesAreUnreadable() {
        String stored = cipher.encrypt(SECRET, ROW);

        for (String bad : List.of(stored.substring(0, stored.length() - 4), "v1:", "v1:AAAA", "v1:not*base64",
                "v2:" + stored.substring(3), stored.substring(3), "sk_live_51Hc")) {
            assertThrows(UnreadableCredentials.class, () -> cipher.decrypt(bad, ROW), bad);
        }
    }

    @Test
    void theFailureRevealsNeitherPlaintextNorKey() {
        String stored = cipher.encrypt(SECRET, ROW);
        UnreadableCredentials failure = assertThrows(UnreadableCredentials.class,
                () -> new CredentialCipher(key(2)).decrypt(stored, ROW));

        String message = failure.getMessage();
        assertFalse(message.contains("sk_live"), message);
        assertFalse(message.contains(Base64.getEncoder().encodeToString(key(2))), message);
        assertFalse(message.contains(stored.substring(3)), message);
        assertFalse(cipher.toString().contains(Base64.getEncoder().encodeToString(key(1))));
    }

    @Test
    void refusesKeysThatAreNot32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> new CredentialCipher(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> new CredentialCipher(new byte[33]));
    }

    @Test
    void takesTheMasterKeySettingInStandardOrUrlSafeBase64() throws IOException {
        byte[] key = new byte[32];
        key[0] = (byte) 0xfb; // encodes with '+' or '-' and '/' or '_'
        key[1] = (byte) 0xff;
        String standard = Base64.getEncoder().encodeToString(key);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        assertTrue(standard.contains("+") || standard.contains("/"), standard);

        String stored = CredentialCipher.fromSettings(masterKeySetting(standard + "\n"), dataDir).encrypt(SECRET, ROW);

        assertEquals(SECRET, CredentialCipher.fromSettings(masterKeySetting(urlSafe), dataDir).decrypt(stored, ROW));
        assertEquals(SECRET, new CredentialCipher(key).decrypt(stored, ROW));
        try (Stream<Path> files = Files.list(dataDir)) {
            assertEquals(0, files.count(), "no key file when the setting is given");
        }
    }


    @Test
    void generatesThePrivateKeyFileOnceAndKeepsUsingIt() throws IOException {
        Path dir = dataDir.resolve("not/yet/there");
        String stored = CredentialCipher.fromSettings(Optional.empty(), dir).encrypt(SECRET, ROW);

        Path file = dir.resolve("master.key");
        String content = Files.readString(file);
        assertEquals(32, Base64.getDecoder().decode(content.strip()).length);
        if (posix(file)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }

        assertEquals(SECRET, CredentialCipher.fromSettings(Optional.empty(), dir).decrypt(stored, ROW));
        assertEquals(content, Files.readString(file), "the key is never replaced");
    }

    @Test
    void readsAKeyFileTheOperatorWrote() throws IOException {
        writeKeyFile(Base64.getEncoder().encodeToString(key(3)) + "\n", "rw-------");

        String stored = CredentialCipher.fromSettings(Optional.empty(), dataDir).encrypt(SECRET, ROW);

        assertEquals(SECRET, new CredentialCipher(key(3)).decrypt(stored, ROW));
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws IOException {
        assumeTrue(posix(dataDir), "POSIX permissions");
        for (String mode : List.of("rw-r-----", "rw----r--", "rw--w----")) {
            Path file = writeKeyFile(Base64.getEncoder().encodeToString(key(3)), mode);

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> CredentialCipher.fromSettings(Optional.empty(), dataDir), mode);
            assertTrue(refused.getMessage().contains("chmod 600 " + file), refused.getMessage());
            Files.delete(file);
        }
    }

    @Test
    void refusesAKeyFileWithoutA32ByteKey() throws IOException {
        writeKeyFile(Base64.getEncoder().encodeToString(new byte[24]), "rw-------");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> CredentialCipher.fromSettings(Optional.empty(), dataDir));
        assertTrue(refused.getMessage().contains("master.key"), refused.getMessage());
    }

    @Test
    void firstStartsAtTheSameTimeAgreeOnOneKey() throws Exception {
        int starts = 16;
        for (int round = 0; round < 5; round++) {
            Path dir = dataDir.resolve("round-" + round);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(starts);
            try {
                List<Future<CredentialCipher>> futures = new ArrayList<>();
                for (int i = 0; i < starts; i++) {
                    Callable<CredentialCipher> start = () -> {
                        go.await();
                        return CredentialCipher.fromSettings(Optional.empty(), dir);
                    };
                    futures.add(pool.submit(start));
                }
                go.countDown();
                CredentialCipher onDisk = CredentialCipher.fromSettings(Optional.empty(), dir);
                for (Future<CredentialCipher> future : futures) {
                    assertEquals(SECRET, onDisk.decrypt(future.get().encrypt(SECRET, ROW), ROW));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private Path writeKeyFile(String text, String mode) throws IOException {
        Path file = dataDir.resolve("master.key");
        Files.writeString(file, text);
        if (posix(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        }
        return file;
    }

    /** The key as {@link Settings} reads it from {@code KASSA_MASTER_KEY}. */
    private static Optional<byte[]> masterKeySetting(String value) {
        return new Settings(Map.of(Settings.MASTER_KEY, value)).masterKey();
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }
}
