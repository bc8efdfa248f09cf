package io.ocppbdd.driver;

import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.concurrent.SystemScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * A run of simulated stations against one CSMS: it owns the clock (virtual unless told otherwise), the CSMS under
 * test (a {@link CsmsDriver}; the embedded CSMS unless told otherwise) and the stations by id.
 *
 * <pre>{@code
 * try (Simulation simulation = Simulation.builder().build()) {      // virtual time, embedded CSMS
 *     StationDriver station = simulation.addStation(StationSpec.of("CS-001").evses(2));
 *     simulation.await(station.start(), "CS-001 to connect");
 *     simulation.await(station.booted(), "CS-001 to boot");
 *     simulation.pass(Duration.ofMinutes(5));                      // every station gets its answers in first
 * }
 * }</pre>
 *
 * <p><b>Seed rule:</b> every station draws its randomness (back-off jitter, meter noise) from a generator seeded
 * with the simulation's seed (1 unless {@link Builder#seed set}) and the station's id, so a run repeats exactly and
 * two stations still differ; a station restarted after a power cut starts from the same seed.
 */
public final class Simulation implements AutoCloseable {

    /** How long waits last unless told otherwise: {@code ocpp.patience.seconds}, 20 by default. */
    public static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(Long.getLong("ocpp.patience.seconds", 20));

    private final Scheduler scheduler;
    private final ManualScheduler virtualTime;
    private final CsmsDriver csms;
    private final long seed;
    private final Duration patience;
    private final Duration rebootDelay;
    private final Duration rebootPause;
    private final SSLContext sslContext;
    private final Path stateFolder;
    private final boolean ownsStateFolder;
    private final Map<String, StationDriver> stations = new LinkedHashMap<>();

    private Simulation(Builder builder) {
        this.virtualTime = builder.realTime ? null : new ManualScheduler(builder.start);
        this.scheduler = builder.realTime ? SystemScheduler.instance() : virtualTime;
        this.csms = builder.csms != null ? builder.csms.apply(scheduler)
                : CsmsDrivers.embedded(EmbeddedCsms.start("127.0.0.1", 0, null, scheduler));
        this.seed = builder.seed;
        this.patience = builder.patience;
        this.rebootDelay = builder.rebootDelay;
        this.rebootPause = builder.rebootPause;
        this.sslContext = builder.sslContext;
        this.ownsStateFolder = builder.stateFolder == null;
        try {
            this.stateFolder = ownsStateFolder ? Files.createTempDirectory("ocpp-bdd-") : builder.stateFolder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the stations' state files", e);
        }
    }

    /** A simulation with virtual time starting now (whole seconds), the embedded CSMS and seed 1. */
    public static Builder builder() {
        return new Builder();
    }

    /** The CSMS under test. */
    public CsmsDriver csms() {
        return csms;
    }

    /** The simulation's clock (virtual or real). */
    public Clock clock() {
        return scheduler.clock();
    }

    /** How long {@link #await} waits. */
    public Duration patience() {
        return patience;
    }

    /**
     * Adds a station (not started: call {@link StationDriver#start()}). Its state file, written at a power cut, is
     * {@code <state folder>/<id>.json}.
     */
    public StationDriver addStation(StationSpec spec) {
        return addStation(spec.toState(), stateFileOf(spec.id()), false, List.of());
    }

    /** Where the station with this id writes its state at a power cut. */
    StateFile stateFileOf(String stationId) {
        return new StateFile(stateFolder.resolve(stationId.replaceAll("[^A-Za-z0-9._-]", "_") + ".json"));
    }

    /**
     * Adds a station with this whole state and state file; {@code savedAlways}: the station writes the file as
     * its state changes, not only at a power cut; {@code extraModules} are installed in every power cycle. For
     * white-box tests (reached through the test accessor).
     */
    synchronized StationDriver addStation(StationState state, StateFile file, boolean savedAlways,
                                          List<StationModule> extraModules) {
        String id = state.getIdentity().id();
        if (stations.containsKey(id)) {
            throw new IllegalArgumentException("station \"" + id + "\" is already in this simulation");
        }
        StationDriver station = new StationDriver(this, state, file, savedAlways, extraModules);
        stations.put(id, station);
        return station;
    }

    /**
     * Adds a station kept in this state file ({@code charge_point_state.json} format): read from it when it exists
     * (else made from {@code ifMissing}), written back by {@link StationDriver#save()} and at power cuts.
     */
    public synchronized StationDriver addStation(Path stateFile, StationSpec ifMissing) {
        StateFile file = new StateFile(stateFile);
        StationState state = Files.exists(stateFile) ? file.load() : ifMissing.toState();
        return addStation(state, file, false, List.of());
    }

    /** The station with this id. */
    public synchronized StationDriver station(String id) {
        StationDriver station = stations.get(id);
        if (station == null) {
            throw new IllegalArgumentException("no station \"" + id + "\" in this simulation (it has "
                    + stations.keySet() + ")");
        }
        return station;
    }

    /** Whether a station with this id was added. */
    public synchronized boolean has(String id) {
        return stations.containsKey(id);
    }

    /** Every station, in the order they were added. */
    public synchronized Collection<StationDriver> stations() {
        return List.copyOf(stations.values());
    }

    /**
     * Lets time pass: first every station gets the answers to the CALLs it has sent (so none times out in a jump),
     * then the clock moves (virtual: at once, running every timer due; real: this call waits that long). Against an
     * external CSMS, which answers in real time, the stations also get their answers after each timer of a virtual
     * jump, before the next: else a CALL a timer sends would time out later in the same jump (Part 4 §4.1.1).
     */
    public void pass(Duration duration) {
        Runnable answersIn = () -> stations().forEach(this::awaitAnswers);
        answersIn.run();
        if (virtualTime != null) {
            virtualTime.advance(duration, csms.embedded().isPresent() ? () -> { } : answersIn);
        } else if (!duration.isZero()) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while time passed", e);
            }
        }
    }

    /** Waits until the station has every answer; a timeout names the CALLs left open and shows the recent frames. */
    private void awaitAnswers(StationDriver station) {
        try {
            await(station.whenIdle(), station.id() + " to get its answers");
        } catch (AssertionError e) {
            String open = station.calls().stream().filter(call -> call.fromStation() && call.answer() == null)
                    .map(call -> call.action() + " (sent " + call.time() + ")").collect(Collectors.joining(", "));
            throw new AssertionError("waited " + patience.toSeconds() + " s for the CSMS to answer " + station.id()
                    + "'s " + (open.isEmpty() ? "CALLs" : open) + ", in vain: time moves only once the station's CALLs"
                    + " are answered (OCPP 2.0.1 Part 4 §4.1.1: one CALL at a time)\nRecent OCPP messages of "
                    + station.id() + " (→ sent, ← received):\n  " + String.join("\n  ", station.recentFrames(10)), e);
        }
    }

    /**
     * Waits for a stage with the simulation's patience; a timeout or failure becomes an {@link AssertionError} that
     * says what it waited for ({@link CsmsCannotAct} is passed on as it is, for callers to skip).
     */
    public <T> T await(CompletionStage<T> stage, String what) {
        return await(stage, what, patience);
    }

    /** Waits for a stage at most this long, as {@link #await(CompletionStage, String)} does. */
    public static <T> T await(CompletionStage<T> stage, String what, Duration patience) {
        try {
            return stage.toCompletableFuture().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stage.toCompletableFuture().cancel(false);
            throw new AssertionError("waited " + patience.toSeconds() + " s for " + what + ", in vain");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CsmsCannotAct cannot) {
                throw cannot;
            }
            throw new AssertionError("failed waiting for " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }

    /** Stops every station, closes the CSMS driver and deletes the state files this simulation made. */
    @Override
    public void close() {
        stations().forEach(StationDriver::stop);
        csms.close();
        if (ownsStateFolder) {
            try (Stream<Path> files = Files.walk(stateFolder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + stateFolder, e);
            }
        }
    }

    Scheduler scheduler() {
        return scheduler;
    }

    Duration rebootDelay() {
        return rebootDelay;
    }

    Duration rebootPause() {
        return rebootPause;
    }

    Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    long seedOf(String stationId) {
        return Objects.hash(seed, stationId);
    }

    /** How a simulation is set up; every setting has a working default. */
    public static final class Builder {
        private Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        private boolean realTime;
        private Function<Scheduler, CsmsDriver> csms;
        private long seed = 1;
        private Duration patience = DEFAULT_PATIENCE;
        private Duration rebootDelay = Duration.ofSeconds(5);
        private Duration rebootPause = Duration.ZERO;
        private SSLContext sslContext;
        private Path stateFolder;

        private Builder() {
        }

        /** Virtual time (the default) starting at this instant; it moves only with {@link Simulation#pass}. */
        public Builder virtualTime(Instant startAt) {
            this.start = startAt;
            this.realTime = false;
            return this;
        }

        /** The system clock instead of virtual time (for long-running simulations and real CSMSs' timers). */
        public Builder realTime() {
            this.realTime = true;
            return this;
        }

        /** The CSMS under test, made with the simulation's clock (the embedded CSMS is started by default). */
        public Builder csms(Function<Scheduler, CsmsDriver> csmsDriver) {
            this.csms = csmsDriver;
            return this;
        }

        /** The CSMS under test, which does not need the simulation's clock (e.g. {@link CsmsDrivers#external}). */
        public Builder csms(CsmsDriver csmsDriver) {
            return csms(clock -> csmsDriver);
        }

        /** The seed of the stations' randomness (see the seed rule on {@link Simulation}); 1 by default. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** How long waits for the network last (default {@code ocpp.patience.seconds}, 20 s). */
        public Builder patience(Duration wait) {
            this.patience = wait;
            return this;
        }

        /** How long a station takes to start again after a power cut, on the simulation's clock (5 s; 0 allowed). */
        public Builder rebootDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("reboot delay " + delay + " is negative; use 0 or more");
            }
            this.rebootDelay = delay;
            return this;
        }

        /**
         * How long a station that reboots or loses power stays off before it connects again, on the system clock
         * whatever the simulation's (0 by default): time an external CSMS, which runs on real time, takes to end
         * the old session after the close. It comes on top of the {@link #rebootDelay}.
         */
        public Builder rebootPause(Duration pause) {
            if (pause.isNegative()) {
                throw new IllegalArgumentException("reboot pause " + pause + " is negative; use 0 or more");
            }
            this.rebootPause = pause;
            return this;
        }

        /** TLS for wss:// CSMS URLs (trust store, and key store for mTLS); the JDK default otherwise. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        /** Where stations' state files go (a temporary folder, deleted at close, by default). */
        public Builder stateFolder(Path folder) {
            this.stateFolder = folder;
            return this;
        }

        public Simulation build() {
            return new Simulation(this);
        }
    }
}
