package io.ocppbdd.station.smartcharging;

import io.ocppbdd.protocol.messages.StatusInfo;

/**
 * Why a request was refused: the requirement that says so, the reason code of the Part 2 appendix and a line
 * for people, e.g. {@code K01.FR.16 InvalidProfile "a TxProfile needs an evseId > 0"}.
 */
record Rejection(String requirement, String reasonCode, String detail) {

    StatusInfo statusInfo() {
        String info = requirement + ": " + detail;
        return new StatusInfo().withReasonCode(reasonCode)
                .withAdditionalInfo(info.length() > 512 ? info.substring(0, 512) : info);
    }

    @Override
    public String toString() {
        return reasonCode + " (" + requirement + ": " + detail + ")";
    }
}
