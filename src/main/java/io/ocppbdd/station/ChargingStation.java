package io.ocppbdd.station;

import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.concurrent.SerialExecutor;
import io.ocppbdd.concurrent.SystemScheduler;
import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.BootReasonEnum;
import io.ocppbdd.rpc.Connection;
import io.ocppbdd.rpc.ConnectionListener;
import io.ocppbdd.rpc.MessageTrace;
import io.ocppbdd.rpc.RpcEndpoint;
import io.ocppbdd.station.availability.AvailabilityModule;
import io.ocppbdd.station.datatransfer.DataTransferModule;
import io.ocppbdd.station.authorization.AuthorizationModule;
import io.ocppbdd.station.devicemodel.DeviceModel;
import io.ocppbdd.station.diagnostics.LogModule;
import io.ocppbdd.station.firmware.FirmwareModule;
import io.ocppbdd.station.devicemodel.DeviceModelModule;
import io.ocppbdd.station.devicemodel.VariableKey;
import io.ocppbdd.station.ev.SimulatedEv;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.faults.FaultModule;
import io.ocppbdd.station.metering.MeteringModule;
import io.ocppbdd.station.offline.Journal;
import io.ocppbdd.station.provisioning.BootModule;
import io.ocppbdd.station.provisioning.HeartbeatModule;
import io.ocppbdd.station.provisioning.OfflineStatusModule;
import io.ocppbdd.station.remote.RemoteStartStopModule;
import io.ocppbdd.station.remote.ResetModule;
import io.ocppbdd.station.remote.TransactionStatusModule;
import io.ocppbdd.station.remote.TriggerMessageModule;
import io.ocppbdd.station.remote.UnlockConnectorModule;
import io.ocppbdd.station.reservation.ReservationModule;
import io.ocppbdd.station.security.SecurityModule;
import io.ocppbdd.station.smartcharging.SmartChargingModule;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StateFileException;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.station.transactions.TransactionModule;
import io.ocppbdd.transport.ConnectionSettings;
import io.ocppbdd.transport.NettyStationTransport;
import io.ocppbdd.transport.StationTransport;
import io.ocppbdd.transport.WebSocketPing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * A simulated OCPP 2.0.1 charging station. It connects to its CSMS, boots, heartbeats and answers CSMS calls;
 * when the connection drops it reconnects with the back-off of Part 4 §5.3. Its logic runs on one serial
 * executor, so thousands of stations share a few threads.
 *
 * <pre>{@code
 * ChargingStation station = ChargingStation.builder(StationState.defaults("CS-001"))
 *         .csmsUrl(URI.create("ws://localhost:9000/ocpp")).build();
 * station.start().join();
 * }</pre>
 */
public final class ChargingStation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChargingStation.class);
    private static final VariableKey SECURITY_PROFILE = VariableKey.of("SecurityCtrlr", "SecurityProfile");
    /** How long {@link #stop()} waits for the last write of the state file. */
    private static final Duration LAST_WRITE_PATIENCE = Duration.ofSeconds(30);

    private final StationContext context;
    private final RpcEndpoint endpoint;
    private final StationTransport transport;
    private final SSLContext sslContext;
    private final Duration connectTimeout;
    private final Duration rebootPause;
    private final SerialExecutor loop = new SerialExecutor();
    private final CompletableFuture<Void> firstConnection = new CompletableFuture<>();
    private final List<StationModule> modules;
    private Scheduler.Cancellable reconnect = Scheduler.Cancellable.NONE;
    private Scheduler.Cancellable ping = Scheduler.Cancellable.NONE;
    private int failedAttempts;
    /** Set when the station closes its connection to open a new one: how long it stays off first. */
    private Duration connectAgainAfter;
    private volatile boolean stopped;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private ChargingStation(Builder builder) {
        StationState state = builder.state;
        if (builder.csmsUrl != null) {
            state.getCsms().setUrl(builder.csmsUrl.toString());
        }
        DeviceModel deviceModel = DeviceModel.forStation(state);
        try {
            deviceModel.applyOverrides(state.getDeviceModel());
        } catch (IllegalArgumentException e) {
            String file = builder.stateFile == null ? "station state" : builder.stateFile.path().toString();
            throw new StateFileException(file + ": " + e.getMessage() + " (fix or remove it in deviceModel)", e);
        }
        if (builder.securityProfile != null) {
            deviceModel.setInternally(SECURITY_PROFILE, AttributeEnum.ACTUAL, builder.securityProfile.toString());
        }
        Supplier<Duration> messageTimeout = () -> Duration.ofSeconds(deviceModel.intValue(
                VariableKey.of("OCPPCommCtrlr", "MessageTimeout", "Default"), 30));
        this.endpoint = new RpcEndpoint(state.getIdentity().id(), loop, builder.scheduler, builder.trace,
                messageTimeout);
        Journal journal = builder.stateFile == null ? Journal.inMemory() : Journal.open(
                builder.stateFile.journalPath(), state.getJournalCommitted() == null ? 0 : state.getJournalCommitted());
        this.context = new StationContext(state, builder.stateFile, loop, builder.scheduler, builder.random,
                endpoint, deviceModel, journal);
        this.transport = builder.transport;
        this.sslContext = builder.sslContext;
        this.connectTimeout = builder.connectTimeout;
        this.rebootPause = builder.rebootPause;
        context.bootReason(builder.bootReason);
        context.rebooter(reason -> {
            connectAgainAfter = rebootPause;
            endpoint.close();
        });
        context.reconnector(() -> {
            connectAgainAfter = Duration.ZERO;
            endpoint.close();
        });
        endpoint.setCallGate(call -> BootModule.refuseWhileRejected(context));
        endpoint.onConnectionClosed(this::connectionClosed);
        AuthorizationModule authorization = new AuthorizationModule();
        SmartChargingModule smartCharging = new SmartChargingModule();
        EvseModule evses = new EvseModule();
        MeteringModule metering = new MeteringModule();
        TransactionModule transactions = new TransactionModule(evses, metering, authorization, smartCharging);
        BootModule boot = new BootModule();
        FirmwareModule firmware = new FirmwareModule(transactions);
        LogModule logs = new LogModule();
        modules = new ArrayList<>(List.of(
                boot, new OfflineStatusModule(), new HeartbeatModule(), new DeviceModelModule(), authorization, smartCharging,
                firmware, logs,
                evses, metering, transactions));
        ReservationModule reservations = new ReservationModule(evses, transactions);
        RemoteStartStopModule remoteStartStop = new RemoteStartStopModule(evses, transactions, reservations);
        remoteStartStop.onChargingProfile(smartCharging::installRemoteStartProfile);
        TriggerMessageModule trigger = new TriggerMessageModule(boot, evses, metering, transactions);
        trigger.firmwareStatus(firmware::triggeredStatus);
        trigger.logStatus(logs::triggeredStatus);
        modules.addAll(List.of(reservations, remoteStartStop,
                new ResetModule(evses, transactions), trigger,
                new AvailabilityModule(evses, transactions, reservations), new UnlockConnectorModule(evses, transactions),
                new DataTransferModule(), new TransactionStatusModule(transactions), new SecurityModule(),
                new FaultModule(evses, transactions), new SimulatedEv(evses, transactions, remoteStartStop)));
        modules.addAll(builder.modules);
        loop.execute(() -> modules.forEach(module -> module.install(context)));
    }

    /** A builder for a station with this state (identity, CSMS, EVSEs, device-model values). */
    public static Builder builder(StationState state) {
        return new Builder(state);
    }

    /**
     * Connects to the CSMS and keeps reconnecting until {@link #stop()}. The future completes on the first
     * successful connection, or fails with the reason the first attempt failed (retries go on).
     */
    public CompletableFuture<Void> start() {
        loop.execute(this::connect);
        return firstConnection;
    }

    /**
     * Closes the connection, stops reconnecting and writes the state file a last time. Called from outside the
     * station's loop, it returns once that write is done (or failed, which is logged), so the file can be read.
     */
    public void stop() {
        stopped = true;
        CompletableFuture<Void> saved = new CompletableFuture<>();
        loop.execute(() -> {
            reconnect.cancel();
            if (!endpoint.isConnected()) {
                closed.complete(null);
            }
            endpoint.close();
            context.closeState().whenComplete((done, failure) -> saved.complete(null));
        });
        if (!loop.isRunningHere()) {
            try {
                saved.get(LAST_WRITE_PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("{}: the state file was not written within {} s of the stop", id(),
                        LAST_WRITE_PATIENCE.toSeconds());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Completes once the station is stopped and its connection closed (the CSMS answered the close), so that its
     * identity may connect again without two connections open at once.
     */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    public String id() {
        return context.stationId();
    }

    public BootStatus bootStatus() {
        return context.bootStatus();
    }

    public boolean isConnected() {
        return endpoint.isConnected();
    }

    /** Every frame this station sent and received. */
    public MessageTrace trace() {
        return endpoint.trace();
    }

    public DeviceModel deviceModel() {
        return context.deviceModel();
    }

    /** The station's state; read it through {@link #onLoop} when the station runs. */
    public StationState state() {
        return context.state();
    }

    /**
     * Sends a request as the station, obeying the boot rules (held until accepted and online).
     * The response type is the generated {@code ...Response} class.
     */
    public <T> CompletableFuture<T> send(Object request, Class<T> responseType) {
        return onLoop(() -> context.send(request, responseType)).thenCompose(future -> future);
    }

    /** Runs a piece of work on the station's loop, where its state may be read and changed. */
    public <T> CompletableFuture<T> onLoop(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, loop);
    }

    /** The functional block of this type, e.g. {@code station.module(AuthorizationModule.class)}. */
    public <T extends StationModule> T module(Class<T> type) {
        return modules.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow(
                () -> new IllegalArgumentException(id() + " has no " + type.getSimpleName() + " module"));
    }

    /**
     * Completes once the state is on disk and no CALL of the station waits for an answer (see
     * {@link RpcEndpoint#whenIdle()}).
     */
    public CompletableFuture<Void> whenIdle() {
        return onLoop(context::whenIdle).thenCompose(idle -> idle);
    }

    /** Completes once everything the station saved so far is in its state file (at once without one). */
    public CompletableFuture<Void> stateSaved() {
        return onLoop(context::stateSaved).thenCompose(saved -> saved);
    }

    /** Drops the connection as a network failure would; the station reconnects with back-off. */
    public void dropConnection() {
        endpoint.abortConnection();
    }

    private void connect() {
        if (stopped) {
            return;
        }
        Attempt listener = new Attempt();
        CompletableFuture<Connection> attempt;
        try {
            attempt = transport.connect(connectionSettings(), listener);
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        attempt.whenComplete((connection, failure) -> loop.execute(() -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                firstConnection.completeExceptionally(cause);
                Duration retry = scheduleReconnect(); // before the listeners hear of it: the retry is already set
                context.connectFailed(cause);
                LOG.warn("{}: {}; retrying in {} s", id(), cause.getMessage(), retry.toSeconds());
                return;
            }
            if (stopped) {
                connection.close();
                closed.complete(null);
                return;
            }
            failedAttempts = 0;
            if (!listener.attach(connection)) {
                return;
            }
            ping = WebSocketPing.start(connection, context.scheduler(), loop, () -> context.deviceModel().intValue(
                    "OCPPCommCtrlr", "WebSocketPingInterval", 0), id());
            loop.execute(() -> {
                context.connected();
                firstConnection.complete(null);
            });
        }));
    }

    /**
     * The listener of one connection attempt. A connection the CSMS closes while the station is about to take it in
     * is never attached: attached after its close, it would look open forever.
     */
    private final class Attempt implements ConnectionListener {
        private boolean closed;

        @Override
        public void onText(String text) {
            endpoint.onText(text);
        }

        @Override
        public synchronized void onClosed(int code, String reason) {
            closed = true;
            endpoint.onClosed(code, reason);
        }

        /** Attaches the connection unless it has closed already (the endpoint has then heard of the close). */
        synchronized boolean attach(Connection connection) {
            if (!closed) {
                endpoint.attach(connection);
            }
            return !closed;
        }
    }

    private ConnectionSettings connectionSettings() {
        String url = context.state().getCsms().getUrl();
        if (url == null) {
            throw new IllegalStateException(id() + " has no CSMS URL (set csms.url in the state file or --csms)");
        }
        int profile = context.deviceModel().intValue(SECURITY_PROFILE, 0);
        String password = profile == 1 || profile == 2
                ? context.deviceModel().actual("SecurityCtrlr", "BasicAuthPassword").orElse(null) : null;
        return new ConnectionSettings(URI.create(url), id(), password, connectTimeout, sslContext);
    }

    /** A close the station asked for (stop, reboot) is logged at DEBUG; a lost connection at INFO. */
    private void connectionClosed(String reason) {
        ping.cancel();
        context.disconnected();
        if (connectAgainAfter != null) {
            Duration pause = connectAgainAfter;
            connectAgainAfter = null;
            LOG.debug("{}: {} to connect again in {} ms", id(), reason, pause.toMillis());
            if (pause.isZero()) {
                connect();
            } else {
                reconnect = SystemScheduler.instance().schedule(pause, loop, this::connect);
            }
        } else if (stopped) {
            LOG.debug("{}: {}", id(), reason);
            closed.complete(null);
        } else {
            LOG.info("{}: {}; reconnecting in {} s", id(), reason, scheduleReconnect().toSeconds());
        }
    }

    /** Reboots the station now (see {@link StationContext#reboot}). */
    public void reboot(BootReasonEnum reason) {
        loop.execute(() -> context.reboot(reason));
    }

    /**
     * Part 4 §5.3: RetryBackOffWaitMinimum plus jitter, doubled per failure up to RetryBackOffRepeatTimes.
     *
     * @return the wait until the next attempt (zero when stopped)
     */
    private Duration scheduleReconnect() {
        if (stopped) {
            return Duration.ZERO;
        }
        DeviceModel model = context.deviceModel();
        int minimum = model.intValue("OCPPCommCtrlr", "RetryBackOffWaitMinimum", 10);
        int range = model.intValue("OCPPCommCtrlr", "RetryBackOffRandomRange", 10);
        int repeat = model.intValue("OCPPCommCtrlr", "RetryBackOffRepeatTimes", 5);
        long wait = (long) minimum << Math.min(failedAttempts, repeat);
        long jitterMillis = range > 0 ? context.random().nextInt(range * 1000 + 1) : 0;
        failedAttempts++;
        Duration delay = Duration.ofSeconds(wait).plusMillis(jitterMillis);
        reconnect.cancel();
        reconnect = context.scheduler().schedule(delay, loop, this::connect);
        return delay;
    }

    /** Sets up a station; everything but the state has a working default. */
    public static final class Builder {
        private final StationState state;
        private URI csmsUrl;
        private StateFile stateFile;
        private StationTransport transport = NettyStationTransport.instance();
        private Scheduler scheduler = SystemScheduler.instance();
        private Random random = new Random();
        private MessageTrace trace = new MessageTrace();
        private SSLContext sslContext;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration rebootPause = Duration.ZERO;
        private BootReasonEnum bootReason = BootReasonEnum.POWER_UP;
        private Integer securityProfile;
        private final List<StationModule> modules = new ArrayList<>();

        private Builder(StationState state) {
            this.state = state;
        }

        /** Overrides the CSMS URL of the state. */
        public Builder csmsUrl(URI url) {
            this.csmsUrl = url;
            return this;
        }

        /** Where every change of state is saved (atomically); none by default. */
        public Builder stateFile(StateFile file) {
            this.stateFile = file;
            return this;
        }

        public Builder transport(StationTransport stationTransport) {
            this.transport = stationTransport;
            return this;
        }

        /** Time source for every timer; tests pass a {@link io.ocppbdd.concurrent.ManualScheduler}. */
        public Builder scheduler(Scheduler timeSource) {
            this.scheduler = timeSource;
            return this;
        }

        /** Seeds the randomness (back-off jitter, meter noise) for reproducible runs. */
        public Builder seed(long seed) {
            this.random = new Random(seed);
            return this;
        }

        public Builder trace(MessageTrace messageTrace) {
            this.trace = messageTrace;
            return this;
        }

        /**
         * The security profile in use (0 to 3), in memory only: it overrides {@code csms.securityProfile} of the
         * state without being saved, and is what SecurityCtrlr.SecurityProfile reports.
         */
        public Builder securityProfile(int profile) {
            this.securityProfile = profile;
            return this;
        }

        /** TLS for wss:// (trust store, and key store for mTLS); the JDK default verifies the server. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * How long the station stays off when it reboots (Reset, new firmware) before it connects again, on the
         * system clock whatever the {@link #scheduler}: time an external CSMS takes to end the old session (0 by
         * default: at once, once the close is answered).
         */
        public Builder rebootPause(Duration pause) {
            this.rebootPause = pause;
            return this;
        }

        /** The reason of the first BootNotification (PowerUp by default). */
        Builder bootReason(BootReasonEnum reason) {
            this.bootReason = reason;
            return this;
        }

        /** Adds a functional block. */
        public Builder module(StationModule module) {
            this.modules.add(module);
            return this;
        }

        public ChargingStation build() {
            return new ChargingStation(this);
        }
    }
}
