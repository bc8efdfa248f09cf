package io.ocppbdd.station.filetransfer;

import io.ocppbdd.station.devicemodel.DeviceModel;
import io.ocppbdd.station.devicemodel.VariableKey;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * HTTP(S) file transfers of the station (firmware download, log upload) on one JDK {@link HttpClient} shared by
 * every station: asynchronous, never blocking a station's loop. Credentials in the URL
 * ({@code http://user:password@host/path}, N01.FR.17) become a Basic {@code Authorization} header. HTTPS trusts
 * the JDK's default certificate authorities (N01.FR.16).
 */
public final class HttpFileTransfer {

    /** How long one transfer may take before it counts as failed. */
    public static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(5);

    private static final VariableKey FILE_TRANSFER_PROTOCOLS = VariableKey.of("OCPPCommCtrlr",
            "FileTransferProtocols");
    private static final Set<String> IMPLEMENTED = Set.of("HTTP", "HTTPS");
    /** HTTP/1.1 only: no h2c upgrade attempt that some upload servers mishandle on a request with a body. */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private HttpFileTransfer() {
    }

    /**
     * Whether the station can fetch from or send to this location: an absolute URL whose protocol is HTTP or
     * HTTPS and listed in the device model's OCPPCommCtrlr.FileTransferProtocols.
     */
    public static boolean reachable(String location, DeviceModel model) {
        List<String> advertised = model.actual(FILE_TRANSFER_PROTOCOLS)
                .map(value -> List.of(value.split(","))).orElse(List.of());
        return protocolOf(location).filter(IMPLEMENTED::contains).filter(advertised::contains).isPresent();
    }

    private static Optional<String> protocolOf(String location) {
        try {
            URI uri = new URI(location);
            return uri.getScheme() == null || uri.getRawAuthority() == null ? Optional.empty()
                    : Optional.of(uri.getScheme().toUpperCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** GETs the file at this location. */
    public static CompletableFuture<TransferResult<byte[]>> download(String location) {
        return send(location, HttpRequest.Builder::GET, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** PUTs the file's bytes to this location. */
    public static CompletableFuture<TransferResult<Void>> put(String location, String contentType, byte[] content) {
        return send(location, request -> request.header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)), HttpResponse.BodyHandlers.discarding());
    }

    /**
     * POSTs the file as {@code multipart/form-data}, one part named {@code field} with this file name and content
     * type (N01.FR.19: {@code Content-Disposition: form-data; name="uploadfile"; filename="..."}).
     */
    public static CompletableFuture<TransferResult<Void>> postMultipart(String location, String field, String filename,
                                                                  String contentType, byte[] content) {
        String boundary = "ocpp-bdd-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), content, tail.getBytes(StandardCharsets.UTF_8));
        return send(location, request -> request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), HttpResponse.BodyHandlers.discarding());
    }

    /** Sends the request; a location that is no valid URL gives a failed result too, never an exception. */
    private static <T> CompletableFuture<TransferResult<T>> send(String location,
                                                                 UnaryOperator<HttpRequest.Builder> method,
                                                                 HttpResponse.BodyHandler<T> body) {
        try {
            CompletableFuture<HttpResponse<T>> sent = CLIENT.sendAsync(method.apply(request(location)).build(), body);
            CompletableFuture<TransferResult<T>> outcome = sent.handle(TransferResult::new);
            outcome.whenComplete((result, cancelled) -> {
                if (outcome.isCancelled()) {
                    sent.cancel(true);
                }
            });
            return outcome;
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new TransferResult<>(null, e));
        }
    }

    /** A request to the location without its user info, which goes into a Basic Authorization header. */
    private static HttpRequest.Builder request(String location) {
        URI uri = URI.create(location);
        String authority = uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        String target = uri.getScheme() + "://" + authority.substring(at + 1)
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(TRANSFER_TIMEOUT);
        if (at >= 0) {
            String credentials = URLDecoder.decode(authority.substring(0, at).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }
}
