package dev.portolan.app;

/** The application's name and version, as the jar's manifest or the build says. */
public final class AppInfo {

    public static final String NAME = "Portolan";

    private AppInfo() {}

    public static String version() {
        String version = AppInfo.class.getPackage().getImplementationVersion();
        return version != null ? version : "0.1.0-dev";
    }

    public static String javaVersion() {
        return Runtime.version().toString();
    }

    public static String javafxVersion() {
        return System.getProperty("javafx.runtime.version", "unknown");
    }
}
