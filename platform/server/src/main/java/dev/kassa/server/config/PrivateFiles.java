package dev.kassa.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The files in the data directory that hold secrets ({@code credentials.txt},
 * {@code operator-token}, {@code master.key}) must be the owner's alone, and others must not be
 * able to put code into the plugins directory. Checked at every start, before anything is read
 * from them; on file systems without POSIX permissions there is nothing to check.
 */
public final class PrivateFiles {
    /** The secret files Kassa keeps in its data directory. */
    public static final List<String> SECRET_FILES = List.of("credentials.txt", "operator-token", "master.key");

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private PrivateFiles() {
    }

    /**
     * Creates the data directory, for its owner only (0700), when it does not exist yet.
     *
     * @throws UncheckedIOException when it cannot be created
     */
    public static void createDataDir(Path dataDir) {
        if (Files.isDirectory(dataDir)) {
            return;
        }
        try {
            if (!dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(dataDir);
            } else {
                Files.createDirectories(dataDir,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
    }

    /**
     * What keeps Kassa from starting: one line for each secret file open to group or others, and
     * for a plugins directory others may write to, each with the {@code chmod} that fixes it.
     */
    public static List<String> problems(Path dataDir, Path pluginsDir) {
        List<String> problems = new ArrayList<>();
        for (String name : SECRET_FILES) {
            Path file = dataDir.resolve(name);
            Set<PosixFilePermission> permissions = permissions(file);
            if (!Collections.disjoint(permissions, GROUP_OR_OTHERS)) {
                problems.add(file + " may be read or written by group or others (" + PosixFilePermissions.toString(
                        permissions) + "); run: chmod 600 " + file);
            }
        }
        Set<PosixFilePermission> plugins = permissions(pluginsDir);
        if (plugins.contains(PosixFilePermission.OTHERS_WRITE)) {
            problems.add("the plugins directory " + pluginsDir + " may be written by others ("
                    + PosixFilePermissions.toString(plugins) + "), who could make Kassa run their code; run: chmod o-w "
                    + pluginsDir);
        }
        return problems;
    }

    /** The file's own permissions (a link is followed); none when it does not exist or has no POSIX ones. */
    private static Set<PosixFilePermission> permissions(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null || !Files.exists(file)) {
            return Set.of();
        }
        try {
            return view.readAttributes().permissions();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + file, e);
        }
    }
}
