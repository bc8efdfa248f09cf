package io.ocppbdd.shell;

import io.ocppbdd.driver.Simulation;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.driver.StationSpec;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What the {@link Vocabulary} acts on: a simulation, the station in use, and what the words remember (the token
 * that started charging at an EVSE, the tokens used, for completion). Stations added with {@code use} are kept in
 * state files beside the first one's.
 */
public final class Session {

    private final Simulation simulation;
    private final Path stateFolder;
    private final Consumer<StationDriver> onNewStation;
    private final Map<String, String> startTokens = new ConcurrentHashMap<>();
    private final Set<String> tokens = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
    private volatile StationDriver station;

    /**
     * @param first        the station in use at first
     * @param onNewStation told of each station {@code use} adds (the shell prints its incoming calls)
     */
    public Session(Simulation simulation, StationDriver first, Consumer<StationDriver> onNewStation) {
        this.simulation = simulation;
        this.station = first;
        this.stateFolder = first.stateFile().toAbsolutePath().getParent();
        this.onNewStation = onNewStation;
    }

    Simulation simulation() {
        return simulation;
    }

    /** The station in use. */
    public StationDriver station() {
        return station;
    }

    /** Switches to the station with this id, adding it (state file {@code <id>.json} beside the first). */
    StationDriver use(String id) {
        if (!simulation.has(id)) {
            StationDriver added = simulation.addStation(stateFolder.resolve(id + ".json"), StationSpec.of(id));
            onNewStation.accept(added);
        }
        station = simulation.station(id);
        return station;
    }

    /** Waits for a stage of the station with the simulation's patience; a failure says what it waited for. */
    <T> T await(CompletionStage<T> stage, String what) {
        try {
            return simulation.await(stage, what);
        } catch (AssertionError e) {
            if (e.getCause() instanceof IllegalArgumentException refused) {
                throw refused;
            }
            throw e;
        }
    }

    /** Remembers that this token started charging at this EVSE of the station in use. */
    void startedBy(int evseId, String token) {
        tokens.add(token);
        startTokens.put(station.id() + "/" + evseId, token);
    }

    /** The token that started charging at this EVSE of the station in use, if one did. */
    String startToken(int evseId) {
        return startTokens.get(station.id() + "/" + evseId);
    }

    void usedToken(String token) {
        tokens.add(token);
    }

    /** The tokens used so far, for completion. */
    List<String> tokens() {
        synchronized (tokens) {
            return List.copyOf(tokens);
        }
    }
}
