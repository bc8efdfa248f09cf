package io.ocppbdd.shell;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.driver.CsmsCall;
import io.ocppbdd.driver.OcppAnswer;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.driver.TokenOutcome;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.IdTokenEnum;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.ocppbdd.shell.Slot.CONNECTOR;
import static io.ocppbdd.shell.Slot.COMMAND;
import static io.ocppbdd.shell.Slot.CSMS_ACTION;
import static io.ocppbdd.shell.Slot.EVSE;
import static io.ocppbdd.shell.Slot.EV_CHANGE;
import static io.ocppbdd.shell.Slot.FAULT;
import static io.ocppbdd.shell.Slot.FREE;
import static io.ocppbdd.shell.Slot.STATION;
import static io.ocppbdd.shell.Slot.STATION_ACTION;
import static io.ocppbdd.shell.Slot.TOKEN;
import static io.ocppbdd.shell.Slot.TOKEN_TYPE;

/**
 * The one table of words that the shell and scenario files share: each command is a thin translation onto the
 * driver ({@link StationDriver}) of the station in use. {@link #run} runs one command line and returns what to
 * print; a line it cannot run fails with a one-line {@link BadCommand}, a station that refuses or does not answer
 * in time with an {@link AssertionError} or {@link IllegalArgumentException} whose message says what happened.
 */
public final class Vocabulary {

    /** The command that ends the shell; the shell handles it, a scenario may not use it. */
    public static final String QUIT = "quit";

    private static final int TRACE_LINES = 20;
    private static final IdTokenEnum DEFAULT_TOKEN_TYPE = IdTokenEnum.ISO_14443;

    private static final List<Verb> VERBS = List.of(
            new Verb("help", "[command]", "lists the commands, or explains one", List.of(COMMAND), Vocabulary::help),
            new Verb("status", "", "connection, boot, offline queue, EVSEs, connectors and transactions", List.of(),
                    (session, args) -> StatusReport.of(session.await(session.station().snapshot(), "a snapshot"))),
            new Verb("use", "[station id]", "switches to another station (added if new), or lists them",
                    List.of(STATION), Vocabulary::use),
            new Verb("connect", "", "connects to the CSMS and boots", List.of(), Vocabulary::connect),
            new Verb("disconnect", "", "closes the connection (connect opens it again)", List.of(),
                    (session, args) -> done(session, session.station().disconnect(), "disconnected")),
            new Verb("plug", "<evse> [connector]", "plugs a cable into a connector (connector 1 by default)",
                    List.of(EVSE, CONNECTOR), (session, args) -> done(session,
                            session.station().plugIn(args.number(0, "evse"), args.number(1, "connector", 1)),
                            "cable plugged in")),
            new Verb("unplug", "<evse>", "unplugs the cable of an EVSE", List.of(EVSE),
                    (session, args) -> done(session, session.station().unplug(args.number(0, "evse")),
                            "cable unplugged")),
            new Verb("authorize", "<token> [type] [evse]", "presents an id token at an EVSE (ISO14443, EVSE 1 by "
                    + "default): it authorizes, starts or stops charging", List.of(TOKEN, TOKEN_TYPE, EVSE),
                    Vocabulary::authorize),
            new Verb("start", "<evse> <token> [type]", "plugs in (unless a cable is in) and presents a token: "
                    + "charging starts", List.of(EVSE, TOKEN, TOKEN_TYPE), Vocabulary::start),
            new Verb("stop", "<evse> [token] [type]", "presents the token that started charging (or this one): "
                    + "the transaction ends", List.of(EVSE, TOKEN, TOKEN_TYPE), Vocabulary::stop),
            new Verb("ev", "suspend|resume <evse> | auto [seconds] | manual", "the EV stops or resumes drawing energy; "
                    + "auto: after a remote start the driver plugs in by itself (after 5 s), manual: only plug does",
                    List.of(EV_CHANGE, EVSE), Vocabulary::ev),
            new Verb("meter", "[evse]", "the latest meter values the station reported (for one EVSE)",
                    List.of(EVSE), (session, args) -> MeterReport.latest(session.station().calls(),
                    args.has(0) ? Optional.of(args.number(0, "evse")) : Optional.empty())),
            new Verb("fault", "<evse> <connector> <type>", "raises a fault on a connector (GroundFailure, OverCurrentFailure, ...)", List.of(EVSE, CONNECTOR,
                    FAULT), Vocabulary::fault),
            new Verb("clear", "<evse> <connector> [type]", "clears a fault of a connector (every fault without "
                    + "a type)", List.of(EVSE, CONNECTOR, FAULT), (session, args) -> {
                        args.atMost(3);
                        return done(session, session.station().clearFault(args.number(0, "evse"),
                                args.number(1, "connector"), Optional.ofNullable(args.text(2, "type", null))),
                                "fault cleared");
                    }),
            new Verb("get", "<variable>", "a device-model value, e.g. OCPPCommCtrlr.HeartbeatInterval", List.of(FREE),
                    (session, args) -> session.await(session.station().variable(args.text(0, "variable")),
                            "the variable").map(value -> args.text(0, "") + " = " + value)
                            .orElse(args.text(0, "") + " has no value")),
            new Verb("set", "<variable> <value>", "sets a device-model value (kept in the state file)",
                    List.of(FREE, FREE), Vocabulary::set),
            new Verb("send", "<Action> <json>", "sends any station-to-CSMS message (checked against its schema "
                    + "first) and prints the answer", List.of(STATION_ACTION, FREE), Vocabulary::send),
            new Verb("csms", "<Action> [json]", "makes the CSMS send a message to the station and prints the "
                    + "station's answer", List.of(CSMS_ACTION, FREE), Vocabulary::csms),
            new Verb("datatransfer", "<vendorId> [messageId] [data]", "sends a DataTransfer to the CSMS",
                    List.of(FREE, FREE, FREE), Vocabulary::dataTransfer),
            new Verb("wait", "<duration>", "lets time pass (10 s, 500 ms, 2 min), the station's timers run",
                    List.of(FREE), Vocabulary::waitFor),
            new Verb("trace", "[count]", "the latest OCPP frames (20 by default); → sent, ← received",
                    List.of(FREE), (session, args) -> {
                        args.atMost(1);
                        List<String> frames = session.station().recentFrames(args.number(0, "count", TRACE_LINES));
                        return frames.isEmpty() ? "no frames yet" : String.join("\n", frames);
                    }),
            new Verb("save", "", "writes the station's state file", List.of(), (session, args) -> done(session,
                    session.station().save(), "saved " + session.station().stateFile())),
            new Verb(QUIT, "", "saves the state and leaves (also Ctrl-D)", List.of(),
                    (session, args) -> done(session, session.station().save(), "saved " + session.station()
                            .stateFile())));

    private Vocabulary() {
    }

    /** Runs one command line on the session; returns what to print (empty for a blank line). */
    public static String run(Session session, String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return "";
        }
        String name = trimmed.split("\\s+", 2)[0];
        Verb verb = verb(name).orElseThrow(() -> new BadCommand("unknown command \"" + name + "\" (help lists them)"));
        return verb.action().run(session, new Arguments(verb, trimmed.substring(name.length())));
    }

    /** The names of every command, in the order help lists them. */
    public static List<String> names() {
        return VERBS.stream().map(Verb::name).toList();
    }

    static Optional<Verb> verb(String name) {
        return VERBS.stream().filter(verb -> verb.name().equalsIgnoreCase(name)).findFirst();
    }

    private static String help(Session session, Arguments args) {
        args.atMost(1);
        if (args.has(0)) {
            Verb verb = verb(args.text(0, "command")).orElseThrow(() -> args.bad("no command \"" + args.text(0, "")
                    + "\""));
            return verb.synopsis() + "\n  " + verb.summary();
        }
        int width = VERBS.stream().mapToInt(verb -> verb.synopsis().length()).max().orElse(0);
        return VERBS.stream().map(verb -> String.format("%-" + width + "s  %s", verb.synopsis(), verb.summary()))
                .collect(Collectors.joining("\n"));
    }

    private static String use(Session session, Arguments args) {
        args.atMost(1);
        if (!args.has(0)) {
            return session.simulation().stations().stream().map(station -> (station == session.station() ? "* " : "  ")
                    + station.id()).collect(Collectors.joining("\n"));
        }
        StationDriver station = session.use(args.text(0, "station id"));
        return "using " + station.id() + " (connect to boot it if it is new)";
    }

    private static String connect(Session session, Arguments args) {
        StationDriver station = session.station();
        boolean connected = session.await(station.snapshot(), "a snapshot").connected();
        if (connected) {
            return station.id() + " is connected already";
        }
        boolean started = !station.calls().isEmpty();
        session.await(started ? station.connectAgain() : station.start(), station.id() + " to connect");
        session.await(station.booted(), station.id() + " to be accepted");
        return station.id() + " connected and booted";
    }

    private static String authorize(Session session, Arguments args) {
        args.atMost(3);
        String token = args.text(0, "token");
        IdTokenEnum type = tokenType(args, 1);
        int evse = args.number(2, "evse", 1);
        session.usedToken(token);
        TokenOutcome outcome = session.await(session.station().presentToken(evse, type, token), "the token");
        if (outcome == TokenOutcome.AUTHORIZED) {
            session.startedBy(evse, token);
        }
        return "token " + token + ": " + describe(outcome);
    }

    private static String start(Session session, Arguments args) {
        args.atMost(3);
        int evse = args.number(0, "evse");
        String token = args.text(1, "token");
        IdTokenEnum type = tokenType(args, 2);
        StationDriver station = session.station();
        boolean plugged = session.await(station.snapshot(), "a snapshot").evse(evse).connectors().stream()
                .anyMatch(connector -> connector.cablePlugged());
        if (!plugged) {
            session.await(station.plugIn(evse, 1), "the cable to go in");
        }
        session.usedToken(token);
        TokenOutcome outcome = session.await(station.presentToken(evse, type, token), "the token");
        if (outcome == TokenOutcome.AUTHORIZED) {
            session.startedBy(evse, token);
        }
        return "EVSE " + evse + ", token " + token + ": " + describe(outcome);
    }

    private static String stop(Session session, Arguments args) {
        args.atMost(3);
        int evse = args.number(0, "evse");
        String token = args.has(1) ? args.text(1, "token") : Optional.ofNullable(session.startToken(evse))
                .orElseThrow(() -> args.bad("no token started charging at EVSE " + evse + " here; name the token"));
        TokenOutcome outcome = session.await(session.station().presentToken(evse, tokenType(args, 2), token),
                "the token");
        return "EVSE " + evse + ", token " + token + ": " + describe(outcome);
    }

    private static String ev(Session session, Arguments args) {
        args.atMost(2);
        String change = args.text(0, "suspend, resume, auto or manual");
        if (change.equalsIgnoreCase("auto") || change.equalsIgnoreCase("manual")) {
            boolean auto = change.equalsIgnoreCase("auto");
            Duration delay = Duration.ofSeconds(auto && args.has(1) ? args.number(1, "seconds") : 5);
            session.station().simulatedEv(auto ? Optional.of(delay) : Optional.empty());
            return auto ? "after a remote start the driver plugs in by itself after " + delay.toSeconds() + " s"
                    : "the driver plugs in only when told to";
        }
        int evse = args.number(1, "evse");
        return switch (change.toLowerCase()) {
            case "suspend" -> done(session, session.station().evSuspends(evse), "the EV at EVSE " + evse
                    + " suspends charging");
            case "resume" -> done(session, session.station().evResumes(evse), "the EV at EVSE " + evse
                    + " resumes charging");
            default -> throw args.bad("\"" + change + "\" is neither suspend nor resume");
        };
    }

    private static String fault(Session session, Arguments args) {
        args.atMost(3);
        int evse = args.number(0, "evse");
        int connector = args.number(1, "connector");
        String type = args.text(2, "type (" + String.join(", ", StationDriver.faultNames()) + ")");
        return done(session, session.station().fault(evse, connector, type), type + " on connector " + connector
                + " of EVSE " + evse);
    }

    private static String set(Session session, Arguments args) {
        args.atMost(2);
        String key = args.text(0, "variable");
        String value = args.text(1, "value");
        return done(session, session.station().setVariable(key, value), key + " = " + value);
    }

    private static String send(Session session, Arguments args) {
        Action action = action(args, true);
        ObjectNode answer = session.await(session.station().send(action, args.json(1, "the <json> payload", true)),
                "the answer to " + action);
        return action + " answered " + answer;
    }

    private static String csms(Session session, Arguments args) {
        Action action = action(args, false);
        CsmsCall call = session.station().csmsSends(action, args.json(1, "the <json> payload", false));
        OcppAnswer answer = session.await(call.answer(), "the station's answer to " + action);
        return session.station().id() + " answered " + action + " " + answer.describe();
    }

    private static String dataTransfer(Session session, Arguments args) {
        args.atMost(3);
        ObjectNode payload = Json.object().put("vendorId", args.text(0, "vendorId"));
        if (args.has(1)) {
            payload.put("messageId", args.text(1, "messageId"));
        }
        if (args.has(2)) {
            payload.put("data", args.text(2, "data"));
        }
        ObjectNode answer = session.await(session.station().send(Action.DataTransfer, payload),
                "the answer to DataTransfer");
        return "DataTransfer answered " + answer;
    }

    private static String waitFor(Session session, Arguments args) {
        args.atMost(2);
        String written = args.count() == 2 ? args.text(0, "") + " " + args.text(1, "") : args.text(0, "duration");
        Duration duration = Words.duration(written).orElseThrow(() -> args.bad("\"" + written
                + "\" is not a duration like 10 s, 500 ms or 2 min"));
        session.simulation().pass(duration);
        return written.strip() + " passed";
    }

    private static Action action(Arguments args, boolean fromStation) {
        String name = args.text(0, "<Action>");
        Action action = Words.action(name).orElseThrow(() -> args.bad("\"" + name + "\" is not an OCPP 2.0.1 action"));
        if (fromStation ? !action.sentByStation() : !action.sentByCsms()) {
            throw args.bad(action + " is sent by " + (fromStation ? "a CSMS" : "a station") + "; use "
                    + (fromStation ? "csms" : "send") + " for it");
        }
        return action;
    }

    private static IdTokenEnum tokenType(Arguments args, int index) {
        if (!args.has(index)) {
            return DEFAULT_TOKEN_TYPE;
        }
        String name = args.text(index, "type");
        return Words.tokenType(name).orElseThrow(() -> args.bad("\"" + name + "\" is not an id token type; use one of "
                + Arrays.stream(IdTokenEnum.values()).map(IdTokenEnum::value).toList()));
    }

    private static String describe(TokenOutcome outcome) {
        return switch (outcome) {
            case AUTHORIZED -> "authorized";
            case STOPPED -> "stopped the transaction";
            case REFUSED -> "refused";
        };
    }

    private static String done(Session session, java.util.concurrent.CompletionStage<Void> stage, String what) {
        session.await(stage, what);
        return what;
    }
}
