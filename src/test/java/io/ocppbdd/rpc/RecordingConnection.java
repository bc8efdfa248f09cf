package io.ocppbdd.rpc;

import io.ocppbdd.protocol.Frame;
import io.ocppbdd.protocol.FrameCodec;
import io.ocppbdd.protocol.FrameException;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** The wire under an endpoint in unit tests: keeps every text sent, so the test can play the peer. */
final class RecordingConnection implements Connection {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    @Override
    public CompletableFuture<Void> send(String text) {
        sent.add(text);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> ping() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void abort() {
        closed = true;
    }

    List<String> sent() {
        return List.copyOf(sent);
    }

    boolean isClosed() {
        return closed;
    }

    /** The last frame sent, decoded. */
    Frame last() {
        try {
            return FrameCodec.decode(sent.get(sent.size() - 1));
        } catch (FrameException e) {
            throw new AssertionError("endpoint sent a malformed frame: " + e.getMessage(), e);
        }
    }
}
