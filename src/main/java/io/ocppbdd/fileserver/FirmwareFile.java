package io.ocppbdd.fileserver;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A firmware image for a {@link FileServer} to offer, named the way a test writes it: by a file name
 * ({@code "fw-2.0.0.bin"}, served as is) or by a version ({@code "2.0.0"}, served as {@code 2.0.0.bin}). The
 * image's first line {@code version=...} carries the version the simulator installs: the given version, or the
 * file name without its extension ({@code fw-2.0.0}), as the station reads it from a location.
 *
 * @param fileName the name the server serves it under
 * @param version  the firmware version a station reports after installing it
 */
public record FirmwareFile(String fileName, String version) {

    /** The folder firmware images are served from. */
    public static final String FOLDER = "/firmware/";

    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z][A-Za-z0-9]*$");

    /** The firmware for a file name (it has an extension such as {@code .bin}) or a version (it has none). */
    public static FirmwareFile named(String nameOrVersion) {
        if (EXTENSION.matcher(nameOrVersion).find()) {
            return new FirmwareFile(nameOrVersion, EXTENSION.matcher(nameOrVersion).replaceFirst(""));
        }
        return new FirmwareFile(nameOrVersion + ".bin", nameOrVersion);
    }

    /** The path on the server. */
    public String path() {
        return FOLDER + fileName;
    }

    /** The image's bytes. */
    public byte[] image() {
        return ("version=" + version + "\nfirmware image of the scenario\n").getBytes(StandardCharsets.UTF_8);
    }
}
