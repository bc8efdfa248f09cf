package io.ocppbdd.station.security;

import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.devicemodel.DeviceModel;
import io.ocppbdd.station.devicemodel.VariableKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * A01, a new BasicAuthPassword from the CSMS: with security profile 1 or 2 in use the station answers, logs the
 * change in its security log without the password (A01.FR.11/12), closes the connection and connects with the new
 * password. When the CSMS refuses the new password OCPPCommCtrlr.NetworkProfileConnectionAttempts times in a row,
 * the station goes back to the password of its last successful connection (as B10.FR.03/07 do for network
 * profiles) and keeps trying with it.
 */
final class PasswordChange {

    static final VariableKey BASIC_AUTH_PASSWORD = VariableKey.of("SecurityCtrlr", "BasicAuthPassword");

    private static final Logger LOG = LoggerFactory.getLogger(PasswordChange.class);
    private static final String STATE_KEY = DeviceModel.stateKey(BASIC_AUTH_PASSWORD, AttributeEnum.ACTUAL);

    private final StationContext context;
    private boolean connected;
    /** The password of the last successful connection, and its value in the state (null: in memory only). */
    private String working;
    private String workingSaved;
    private boolean trying;
    private int refusals;

    PasswordChange(StationContext context) {
        this.context = context;
    }

    void install() {
        context.events().onConnected(() -> {
            connected = true;
            if (trying) {
                logChange();
            }
            working = current();
            workingSaved = context.state().getDeviceModel().get(STATE_KEY);
            trying = false;
        });
        context.events().onDisconnected(() -> connected = false);
        context.deviceModel().onChange((variable, attribute) -> {
            if (variable.key().equals(BASIC_AUTH_PASSWORD) && connected && !Objects.equals(current(), working)) {
                changed();
            }
        });
    }

    /** Told of every failed connection attempt. */
    void failed(ConnectFailure kind) {
        if (!trying || kind != ConnectFailure.CREDENTIALS_REFUSED) {
            return;
        }
        int attempts = context.deviceModel().intValue("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", 3);
        if (++refusals >= attempts) {
            LOG.warn("{}: the CSMS refused the new BasicAuthPassword {} times; connecting with the previous one "
                    + "again (A01)", context.stationId(), refusals);
            trying = false;
            if (workingSaved == null) {
                context.state().getDeviceModel().remove(STATE_KEY);
            } else {
                context.state().getDeviceModel().put(STATE_KEY, workingSaved);
            }
            context.saveState();
            context.deviceModel().setInternally(BASIC_AUTH_PASSWORD, AttributeEnum.ACTUAL, working);
        }
    }

    private void changed() {
        if (!usesPassword()) {
            context.afterReply(this::logChange);
            return;
        }
        LOG.info("{}: new BasicAuthPassword; connecting again with it (A01)", context.stationId());
        trying = true;
        refusals = 0;
        context.afterReply(context::reconnect);
    }

    /** A01.FR.11/12: into the security log, which the CSMS receives, without the password. */
    private void logChange() {
        SecurityEvents.send(context, SecurityEvents.RECONFIGURATION_OF_SECURITY_PARAMETERS,
                "SecurityCtrlr.BasicAuthPassword changed");
    }

    private boolean usesPassword() {
        int profile = context.deviceModel().intValue("SecurityCtrlr", "SecurityProfile", 0);
        return profile == 1 || profile == 2;
    }

    private String current() {
        return context.deviceModel().actual(BASIC_AUTH_PASSWORD).orElse(null);
    }
}
