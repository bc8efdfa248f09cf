package io.ocppbdd.station.firmware;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * What installing a downloaded image means for the simulator: the station takes on the image's version. The
 * version is the rest of the image's first line when that line starts with {@code version=}, else the file name
 * of the location without its extension ({@code https://host/fw/station-2.4.1.bin} → {@code station-2.4.1}); at
 * most 50 characters, as BootNotification allows. An empty image cannot be installed.
 */
final class FirmwareImage {

    private static final String VERSION_PREFIX = "version=";
    private static final int MAX_VERSION_LENGTH = 50;

    private FirmwareImage() {
    }

    static boolean installable(byte[] image) {
        return image.length > 0;
    }

    static String versionOf(byte[] image, String location) {
        String text = new String(image, 0, Math.min(image.length, 256), StandardCharsets.UTF_8);
        String firstLine = text.lines().findFirst().orElse("");
        String version = firstLine.startsWith(VERSION_PREFIX)
                ? firstLine.substring(VERSION_PREFIX.length()).strip() : fileName(location);
        return version.length() > MAX_VERSION_LENGTH ? version.substring(0, MAX_VERSION_LENGTH) : version;
    }

    private static String fileName(String location) {
        String path = URI.create(location).getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
