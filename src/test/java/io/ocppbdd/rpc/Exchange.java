package io.ocppbdd.rpc;

import io.ocppbdd.protocol.Call;
import io.ocppbdd.protocol.Frame;
import io.ocppbdd.protocol.FrameCodec;
import io.ocppbdd.protocol.FrameException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CALL read from a trace together with its answer, if one came: what tests check of a station's exchanges.
 *
 * @param direction whether the trace's owner sent the CALL or received it
 * @param answer    the CALLRESULT or CALLERROR, or null while unanswered
 */
public record Exchange(TraceEntry request, Direction direction, Call call, TraceEntry answerEntry, Frame answer) {

    /** Whether a CALLRESULT or CALLERROR came for this CALL. */
    public boolean answered() {
        return answer != null;
    }

    /** Every CALL in the trace, oldest first, each paired with its answer; malformed frames are left out. */
    public static List<Exchange> of(List<TraceEntry> trace) {
        List<Exchange> exchanges = new ArrayList<>();
        Map<String, Integer> open = new HashMap<>();
        for (TraceEntry entry : trace) {
            Frame frame;
            try {
                frame = FrameCodec.decode(entry.frame());
            } catch (FrameException e) {
                continue;
            }
            if (frame instanceof Call call) {
                open.put(key(entry.direction(), call.messageId()), exchanges.size());
                exchanges.add(new Exchange(entry, entry.direction(), call, null, null));
            } else {
                Direction callDirection = entry.direction() == Direction.SENT ? Direction.RECEIVED : Direction.SENT;
                Integer index = open.remove(key(callDirection, frame.messageId()));
                if (index != null) {
                    Exchange asked = exchanges.get(index);
                    exchanges.set(index, new Exchange(asked.request, asked.direction, asked.call, entry, frame));
                }
            }
        }
        return exchanges;
    }

    private static String key(Direction direction, String messageId) {
        return direction + "/" + messageId;
    }
}
