package io.ocppbdd.station.devicemodel;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.GetBaseReportRequest;
import io.ocppbdd.protocol.messages.GetVariablesRequest;
import io.ocppbdd.protocol.messages.SetVariablesRequest;
import io.ocppbdd.rpc.Reply;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;

import java.util.concurrent.CompletableFuture;

/**
 * The device model over OCPP: GetVariables (B06), SetVariables (B05) and GetBaseReport (B07), within the
 * DeviceDataCtrlr limits. Keeps ClockCtrlr.DateTime live on the station's clock.
 */
public final class DeviceModelModule implements StationModule {

    @Override
    public void install(StationContext context) {
        DeviceModel model = context.deviceModel();
        model.bindActual(VariableKey.of("ClockCtrlr", "DateTime"),
                () -> Json.dateTime(context.clock().instant()));
        MessageLimits limits = new MessageLimits(model);
        VariableGetter getter = new VariableGetter(model, limits);
        VariableSetter setter = new VariableSetter(context, limits);
        ReportSender reports = new ReportSender(context, limits);
        context.handle(Action.GetVariables, call -> {
            GetVariablesRequest request = Json.fromTree(call.payload(), GetVariablesRequest.class);
            limits.check(call, "GetVariables", request.getGetVariableData().size());
            return CompletableFuture.completedFuture(Reply.result(getter.answer(request)));
        });
        context.handle(Action.SetVariables, call -> {
            SetVariablesRequest request = Json.fromTree(call.payload(), SetVariablesRequest.class);
            limits.check(call, "SetVariables", request.getSetVariableData().size());
            return CompletableFuture.completedFuture(Reply.result(setter.answer(request)));
        });
        context.handle(Action.GetBaseReport,
                call -> reports.answer(Json.fromTree(call.payload(), GetBaseReportRequest.class)));
    }
}
