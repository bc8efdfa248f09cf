package io.ocppbdd.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven recorded in the jar; "development build" when run from the class folders. */
final class VersionProvider implements IVersionProvider {

    private static final String POM_PROPERTIES = "/META-INF/maven/io.ocppbdd/ocpp-bdd/pom.properties";

    @Override
    public String[] getVersion() throws IOException {
        String version = "development build";
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                version = properties.getProperty("version", version);
            }
        }
        return new String[] {"ocpp-bdd " + version + " (OCPP 2.0.1, Java " + Runtime.version() + ")"};
    }
}
