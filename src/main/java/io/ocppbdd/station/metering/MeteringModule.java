package io.ocppbdd.station.metering;

import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.protocol.messages.ConnectorStatusEnum;
import io.ocppbdd.protocol.messages.MeasurandEnum;
import io.ocppbdd.protocol.messages.MeterValue;
import io.ocppbdd.protocol.messages.MeterValuesRequest;
import io.ocppbdd.protocol.messages.MeterValuesResponse;
import io.ocppbdd.protocol.messages.ReadingContextEnum;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.state.EvseState;
import io.ocppbdd.station.state.MeterState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.IntConsumer;

/**
 * The energy meters of the EVSEs ({@link EnergyModel}) and clock-aligned meter data (J01): every
 * AlignedDataCtrlr.Interval seconds, aligned to the clock, each EVSE's AlignedDataCtrlr.Measurands go to the CSMS,
 * in a MeterValuesRequest when the EVSE has no transaction (J01.FR.14) and through the transaction otherwise
 * (J01.FR.22), unless AlignedDataCtrlr.SendDuringIdle is true (J01.FR.19). Meter readings are saved with the
 * state so that the register continues after a restart. The state of charge is the plugged EV's (reported only
 * while one is plugged in); with no EV plugged in, a saved {@code socPercent} is the one the next EV arrives with.
 */
public final class MeteringModule implements StationModule {

    private static final String ALIGNED = "AlignedDataCtrlr";

    private final List<EnergyModel> models = new ArrayList<>();
    private final List<IntConsumer> powerListeners = new CopyOnWriteArrayList<>();
    /** By EVSE id: the state of charge the next EV arrives with, from the state file. */
    private final Map<Integer, Double> nextEvSoc = new HashMap<>();
    private BiPredicate<Integer, MeterValue> transactionSink = (evseId, value) -> false;
    private StationContext context;
    private Scheduler.Cancellable alignedTick = Scheduler.Cancellable.NONE;

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        for (EvseState evse : context.state().getEvses()) {
            MeterState saved = evse.getMeter();
            double register = saved == null ? 0 : saved.getRegisterWh();
            Double savedSoc = saved == null ? null : saved.getSocPercent();
            int evseId = evse.getId();
            boolean evPlugged = evse.getConnectors().stream()
                    .anyMatch(connector -> ConnectorStatusEnum.OCCUPIED.value().equals(connector.getStatus()));
            Double soc = null;
            if (evPlugged) {
                soc = savedSoc == null ? newEvSoc() : savedSoc;
            } else if (savedSoc != null) {
                nextEvSoc.put(evseId, savedSoc);
            }
            models.add(new EnergyModel(context.clock(), context.random(), register, soc,
                    () -> powerListeners.forEach(listener -> listener.accept(evseId))));
        }
        context.deviceModel().onChange((variable, attribute) -> {
            if (variable.key().component().equals(ALIGNED) && variable.key().variable().equals("Interval")) {
                scheduleAlignedTick();
            }
        });
        scheduleAlignedTick();
    }

    /** The energy model of this EVSE, e.g. to set a charging limit with {@link EnergyModel#limitWatts(double)}. */
    public EnergyModel energyModel(int evseId) {
        if (evseId < 1 || evseId > models.size()) {
            throw new IllegalArgumentException("EVSE " + evseId + " does not exist (this station has EVSEs 1.."
                    + models.size() + ")");
        }
        return models.get(evseId - 1);
    }

    /** Told the EVSE id after the power of an EVSE may have changed (limit, offer, EV demand). */
    public void onPowerChange(IntConsumer listener) {
        powerListeners.add(listener);
    }

    /** A new EV was plugged into this EVSE: it brings the state of charge the state file gave, or a seeded one. */
    public void newEv(int evseId) {
        Double preset = nextEvSoc.remove(evseId);
        energyModel(evseId).newEv(preset == null ? newEvSoc() : preset);
    }

    /** The EV left this EVSE: no state of charge until the next one. */
    public void evLeft(int evseId) {
        energyModel(evseId).evLeft();
    }

    /**
     * Where clock-aligned readings of an EVSE in a transaction go: the sink returns true when it sent them with the
     * transaction, false to let them go in a MeterValuesRequest.
     */
    public void transactionSink(BiPredicate<Integer, MeterValue> sink) {
        this.transactionSink = sink;
    }

    /** Reads these measurands of an EVSE now and keeps the meter in the state. Null when none is measured. */
    public MeterValue sample(int evseId, List<MeasurandEnum> measurands, ReadingContextEnum readingContext) {
        MeterValue value = energyModel(evseId).sample(measurands, readingContext);
        save(evseId);
        return value;
    }

    /** Saves the meter of this EVSE into the state (the caller saves the file). */
    public void save(int evseId) {
        EnergyModel model = energyModel(evseId);
        Double soc = model.socPercent() == null ? nextEvSoc.get(evseId) : model.socPercent();
        context.state().getEvses().get(evseId - 1).setMeter(new MeterState(model.registerWh(), soc));
    }

    private double newEvSoc() {
        return 10 + context.random().nextInt(60);
    }

    private void scheduleAlignedTick() {
        alignedTick.cancel();
        int interval = context.deviceModel().intValue(ALIGNED, "Interval", 0);
        if (interval <= 0) {
            return;
        }
        Instant now = context.clock().instant();
        long next = (Math.floorDiv(now.getEpochSecond(), interval) + 1) * interval;
        alignedTick = context.scheduler().schedule(Duration.between(now, Instant.ofEpochSecond(next)),
                context.loop(), () -> {
                    sendAligned();
                    scheduleAlignedTick();
                });
    }

    private void sendAligned() {
        List<MeasurandEnum> measurands = Measurands.of(context.deviceModel(), ALIGNED, "Measurands",
                "Energy.Active.Import.Register");
        boolean onlyIdle = Boolean.parseBoolean(context.deviceModel().actual(ALIGNED, "SendDuringIdle")
                .orElse("false"));
        for (int evseId = 1; evseId <= models.size(); evseId++) {
            MeterValue value = sample(evseId, measurands, ReadingContextEnum.SAMPLE_CLOCK);
            if (value == null) {
                continue;
            }
            boolean inTransaction = context.state().getEvses().get(evseId - 1).getTransaction() != null;
            if (inTransaction && onlyIdle) {
                continue;
            }
            if (!inTransaction || !transactionSink.test(evseId, value)) {
                context.send(new MeterValuesRequest().withEvseId(evseId).withMeterValue(List.of(value)),
                        MeterValuesResponse.class);
            }
        }
        context.saveState();
    }
}
