package io.ocppbdd.transport;

import io.ocppbdd.rpc.Connection;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Waits for a station's connection attempt that must fail. */
final class ConnectAttempts {

    private ConnectAttempts() {
    }

    /** The {@link ConnectException} the attempt failed with, waiting up to 60 s. */
    static ConnectException failure(CompletableFuture<Connection> connecting) {
        ExecutionException e = catchThrowableOfType(ExecutionException.class,
                () -> connecting.get(60, TimeUnit.SECONDS));
        assertThat(e).as("the connection should have failed").isNotNull();
        assertThat(e.getCause()).isInstanceOf(ConnectException.class);
        return (ConnectException) e.getCause();
    }
}
