package io.ocppbdd.station.transactions;

import java.util.EnumSet;
import java.util.Set;

/** The values of TxCtrlr.TxStartPoint and TxCtrlr.TxStopPoint (Part 2 §E, E01 and E06). */
enum TxPoint {
    PARKING_BAY_OCCUPANCY("ParkingBayOccupancy"),
    EV_CONNECTED("EVConnected"),
    AUTHORIZED("Authorized"),
    DATA_SIGNED("DataSigned"),
    POWER_PATH_CLOSED("PowerPathClosed"),
    ENERGY_TRANSFER("EnergyTransfer");

    private final String value;

    TxPoint(String value) {
        this.value = value;
    }

    /** The points named in a comma-separated MemberList value; unknown names are ignored. */
    static Set<TxPoint> parse(String memberList) {
        Set<TxPoint> points = EnumSet.noneOf(TxPoint.class);
        for (String name : memberList.split(",")) {
            for (TxPoint point : values()) {
                if (point.value.equals(name.trim())) {
                    points.add(point);
                }
            }
        }
        return points;
    }
}
