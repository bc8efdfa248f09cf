package io.ocppbdd.rpc;

/** What a transport reports about one connection. Calls arrive on transport threads. */
public interface ConnectionListener {

    /** A whole text message arrived. */
    void onText(String text);

    /** The connection is gone, cleanly or not. */
    void onClosed(int code, String reason);
}
