package io.ocppbdd.shell;

import io.ocppbdd.driver.EvseSnapshot;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.driver.StationSnapshot;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Tab completion from the vocabulary: command names first, then what fits each argument (the station's EVSE and
 * connector ids, the tokens used, id token types, the actions each side sends, station ids).
 */
final class ShellCompleter implements Completer {

    private static final long SNAPSHOT_WAIT_MILLIS = 500;

    private final Session session;

    ShellCompleter(Session session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        values(line.words(), line.wordIndex()).forEach(value -> candidates.add(new Candidate(value)));
    }

    /** The values that fit the word at this index of the line's words. */
    List<String> values(List<String> words, int index) {
        if (index == 0) {
            return Vocabulary.names();
        }
        Optional<Verb> verb = Vocabulary.verb(words.get(0));
        if (verb.isEmpty() || index > verb.get().slots().size()) {
            return List.of();
        }
        return switch (verb.get().slots().get(index - 1)) {
            case COMMAND -> Vocabulary.names();
            case STATION -> session.simulation().stations().stream().map(StationDriver::id).toList();
            case EVSE -> snapshot().map(station -> station.evses().stream().map(evse -> String.valueOf(evse.id()))
                    .toList()).orElse(List.of());
            case CONNECTOR -> connectors(words.get(index - 1));
            case TOKEN -> session.tokens();
            case TOKEN_TYPE -> Arrays.stream(IdTokenEnum.values()).map(IdTokenEnum::value).toList();
            case STATION_ACTION -> Arrays.stream(Action.values()).filter(Action::sentByStation).map(Action::name)
                    .toList();
            case CSMS_ACTION -> Arrays.stream(Action.values()).filter(Action::sentByCsms).map(Action::name).toList();
            case EV_CHANGE -> List.of("suspend", "resume");
            case FAULT -> StationDriver.faultNames();
            case FREE -> List.of();
        };
    }

    private List<String> connectors(String evseWord) {
        return snapshot().flatMap(station -> station.evses().stream()
                        .filter(evse -> String.valueOf(evse.id()).equals(evseWord)).findFirst())
                .map(EvseSnapshot::connectors).map(connectors -> connectors.stream()
                        .map(connector -> String.valueOf(connector.id())).toList()).orElse(List.of());
    }

    private Optional<StationSnapshot> snapshot() {
        try {
            return Optional.of(session.station().snapshot().toCompletableFuture()
                    .get(SNAPSHOT_WAIT_MILLIS, TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
