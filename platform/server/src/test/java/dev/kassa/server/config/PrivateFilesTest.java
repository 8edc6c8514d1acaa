package dev.kassa.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start refuses secret files others may read and a plugins directory others may write to. */
class PrivateFilesTest {
    @TempDir
    Path dir;
    private Path plugins;

    @BeforeEach
    void posixOnly() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        plugins = Files.createDirectory(dir.resolve("plugins"));
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aNewDataDirectoryHasNoSecretFilesYet() {
        assertEquals(List.of(), PrivateFiles.problems(dir.resolve("new"), dir.resolve("new").resolve("plugins")));
    }

    @Test
    void secretFilesOfTheOwnerAloneAreFine() throws IOException {
        for (String name : PrivateFiles.SECRET_FILES) {
            file(name, "rw-------");
        }
        file("kassa.mv.db", "rw-r--r--"); // not a secret file: the launcher's umask covers it

        assertEquals(List.of(), PrivateFiles.problems(dir, plugins));
    }

    @Test
    void eachSecretFileOpenToGroupOrOthersIsNamedWithTheChmodThatFixesIt() throws IOException {
        for (String mode : List.of("rw-r-----", "rw----r--", "rw--w----", "rw-------")) {
            for (String name : PrivateFiles.SECRET_FILES) {
                Path file = file(name, mode);
                List<String> problems = PrivateFiles.problems(dir, plugins);
                if (mode.equals("rw-------")) {
                    assertEquals(List.of(), problems, mode);
                } else {
                    assertEquals(List.of(file + " may be read or written by group or others (" + mode + "); run: chmod 600 "
                            + file), problems, mode);
                }
                Files.delete(file);
            }
        }
    }

    @Test
    void aPluginsDirectoryOthersMayWriteToIsRefused() throws IOException {
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertEquals(List.of(), PrivateFiles.problems(dir, plugins), "group-writable is the operator's choice");

        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxr-xrwx"));
        assertEquals(List.of("the plugins directory " + plugins + " may be written by others (rwxr-xrwx), who could"
                + " make Kassa run their code; run: chmod o-w " + plugins), PrivateFiles.problems(dir, plugins));
    }

    @Test
    void theDataDirectoryIsCreatedForItsOwnerOnly() throws IOException {
        Path data = dir.resolve("a").resolve("data");

        PrivateFiles.createDataDir(data);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    }

    private Path file(String name, String mode) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }
}
