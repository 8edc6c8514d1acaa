package dev.kassa.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kassa.testkit.KassaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server jar refuses to start on a wrong setting or a secret file others may read: it
 * prints one line saying what is wrong and what to do, and exits with status 78 (EX_CONFIG)
 * before it touches the database.
 */
class RefusedStartIT {

    @Test
    void anInvalidSettingStopsTheStartWithOneLine(@TempDir Path temp) {
        KassaProcess.Refusal refusal = KassaProcess.startRefused(KassaProcess.env(
                "KASSA_DATA_DIR", temp.resolve("data").toString(), "KASSA_RATES_MAX_AGE_DAYS", "100000"));

        assertEquals(78, refusal.exitStatus(), refusal::log);
        assertEquals(List.of("Kassa cannot start: KASSA_RATES_MAX_AGE_DAYS='100000' is not allowed: a whole number"
                + " of days from 0 to 3650"), refusalLines(refusal));
        assertFalse(refusal.log().contains("Kassa starting on"), "no migration ran");
    }

    @Test
    void aMasterKeyFileTheGroupMayReadStopsTheStartWithTheChmodThatFixesIt(@TempDir Path temp) throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        assumeTrue(data.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path key = Files.writeString(data.resolve("master.key"), Base64.getEncoder().encodeToString(new byte[32]));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));

        KassaProcess.Refusal refusal = KassaProcess.startRefused(KassaProcess.env("KASSA_DATA_DIR", data.toString()));

        assertEquals(78, refusal.exitStatus(), refusal::log);
        assertEquals(List.of("Kassa cannot start: " + key + " may be read or written by group or others (rw-r-----);"
                + " run: chmod 600 " + key), refusalLines(refusal));
    }

    private static List<String> refusalLines(KassaProcess.Refusal refusal) {
        return refusal.log().lines().filter(line -> line.startsWith("Kassa cannot start")).toList();
    }
}
