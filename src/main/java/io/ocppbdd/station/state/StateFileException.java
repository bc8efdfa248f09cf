package io.ocppbdd.station.state;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A state file that cannot be used; the message is one line naming the file, the place and the fix. */
public final class StateFileException extends RuntimeException {

    public StateFileException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A file beside the station's state (the state file, its secrets, its journal) that could not be written. */
    public static StateFileException cannotWrite(Path file, IOException e) {
        return new StateFileException(file + ": cannot write in " + file.toAbsolutePath().getParent() + ": "
                + cause(e) + " (make the folder writable, or give a state file in another folder)", e);
    }

    /** The cause of a failed read or write in words, e.g. "permission denied", rather than just a file name. */
    static String cause(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
