package io.ocppbdd.station.metering;

import io.ocppbdd.protocol.messages.MeasurandEnum;
import io.ocppbdd.station.devicemodel.DeviceModel;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Reads a measurand list variable (e.g. SampledDataCtrlr.TxUpdatedMeasurands): comma separated, unknown ones skipped. */
public final class Measurands {

    private Measurands() {
    }

    /** The measurands configured in this variable, or the fallback list when it is not in the device model. */
    public static List<MeasurandEnum> of(DeviceModel model, String component, String variable, String fallback) {
        String value = model.actual(component, variable).orElse(fallback);
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .flatMap(name -> {
                    try {
                        return Stream.of(MeasurandEnum.fromValue(name));
                    } catch (IllegalArgumentException e) {
                        return Stream.empty();
                    }
                })
                .toList();
    }
}
