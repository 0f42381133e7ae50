package io.subword.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code subword --version}: the project version (filtered into a resource by Maven) and the Java runtime. */
final class VersionProvider implements IVersionProvider {
    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {
                "subword " + p.getProperty("version", "(unknown version)"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
