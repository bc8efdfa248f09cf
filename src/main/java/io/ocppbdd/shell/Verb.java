package io.ocppbdd.shell;

import java.util.List;

/**
 * One command of the vocabulary: its name, how it is written, what it does, what its arguments are (for
 * completion) and the translation onto the driver.
 *
 * @param usage the arguments as help shows them, e.g. {@code <evse> [connector]}
 */
record Verb(String name, String usage, String summary, List<Slot> slots, Action action) {

    /** The translation of the command onto the driver; returns what to print. */
    @FunctionalInterface
    interface Action {
        String run(Session session, Arguments arguments);
    }

    /** {@code name usage}, as a hint and in help. */
    String synopsis() {
        return usage.isEmpty() ? name : name + " " + usage;
    }
}
