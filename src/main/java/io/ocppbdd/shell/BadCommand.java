package io.ocppbdd.shell;

/** A command line the vocabulary cannot run as written; its message is one line that says how to write it. */
final class BadCommand extends RuntimeException {

    BadCommand(String hint) {
        super(hint);
    }
}
