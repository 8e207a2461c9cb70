package dev.portolan.engine;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import javax.net.ssl.SSLException;

/** Turns what docker-java throws into one sentence a person can act on. */
public final class EngineErrors {

    private EngineErrors() {}

    /** Why an engine cannot be reached, and what to do about it. */
    public static String unreachable(EngineEndpoint endpoint, Throwable error) {
        Throwable cause = rootCause(error);
        if ("ssh".equals(endpoint.host().getScheme()) && !(cause instanceof ExplainedFailure)) {
            // the tunnel only sees a connection end: ask ssh itself what is wrong (off the FX thread, as all callers are)
            String said = SshTunnel.explain(endpoint.host());
            if (said != null) return said;
        }
        String where = endpoint.address();
        String message = firstLine(cause.getMessage());
        return switch (cause) {
            case ExplainedFailure e -> e.getMessage();
            case FileNotFoundException e -> "No engine at " + where + " (the socket does not exist). Start Docker Desktop or dockerd.";
            case AccessDeniedException e -> "Permission denied on " + where + ". Add your user to the docker group, or run Docker Desktop.";
            case ConnectException e -> "Nothing answers at " + where + ". Start the engine, or check the address.";
            case SocketTimeoutException e -> "The engine at " + where + " does not answer in time. It may be starting or overloaded.";
            case UnknownHostException e -> "The host in " + where + " is unknown. Check the address.";
            case SSLException e -> "TLS with " + where + " failed (" + message + "). Check the certificates.";
            default -> {
                if (saysNoSocket(message)) {
                    yield "No engine at " + where + " (the socket does not exist). Start Docker Desktop or dockerd.";
                }
                if (saysRefused(message)) {
                    yield "Nothing answers at " + where + ". Start the engine, or check the address.";
                }
                if (message.contains("Permission denied") || message.contains("EACCES")) {
                    yield "Permission denied on " + where + ". Add your user to the docker group, or run Docker Desktop.";
                }
                yield "The engine at " + where + " cannot be reached: " + message;
            }
        };
    }

    /**
     * Whether this failure means the engine could not be reached at all (no socket, nothing
     * listening, a timeout), rather than an answer from it: then {@link #unreachable} says
     * what to do better than the failure's own words ("No such file or directory").
     */
    public static boolean isUnreachable(Throwable error) {
        Throwable cause = rootCause(error);
        if (cause instanceof FileNotFoundException || cause instanceof ConnectException || cause instanceof SocketTimeoutException
                || cause instanceof UnknownHostException || cause instanceof AccessDeniedException) {
            return true;
        }
        if (cause instanceof DockerException) return false;
        String message = String.valueOf(cause.getMessage());
        return saysNoSocket(message) || saysRefused(message);
    }

    /** A socket file that is not there, in the words a transport uses when it has no exception class for it. */
    private static boolean saysNoSocket(String message) {
        return message.contains("No such file") || message.contains("ENOENT");
    }

    private static boolean saysRefused(String message) {
        return message.contains("Connection refused") || message.contains("ECONNREFUSED");
    }

    /** What went wrong with an action on the engine, in the engine's own words where it has some. */
    public static String action(String what, Throwable error) {
        Throwable cause = rootCause(error);
        return switch (cause) {
            case ExplainedFailure e -> what + " failed: " + e.getMessage();
            case EndpointException e -> what + " failed: " + e.getMessage(); // ours, saying what to do: whole
            case NotFoundException e -> what + " failed: " + engineMessage(e) + ". It may have been removed meanwhile.";
            case NotModifiedException e -> what + ": nothing to do, it is already in that state.";
            case ConflictException e -> what + " failed: " + engineMessage(e) + ".";
            case DockerException e -> what + " failed: " + engineMessage(e) + ".";
            default -> what + " failed: " + firstLine(cause.getMessage());
        };
    }

    /** What to do when a simulated host's certificates are lost or no longer match its engine's. */
    public static String renewCertificates(String host) {
        return "Issue new ones with `portolan certs renew " + host + "` (in the window: the host's menu, Renew certificates);"
                + " its containers and data are kept.";
    }

    /** The engine's message without docker-java's "Status 404: {...}" wrapping. */
    public static String engineMessage(DockerException e) {
        String text = firstLine(e.getMessage());
        int start = text.indexOf("\"message\":\"");
        if (start >= 0) {
            // the engine's message is a JSON string: read it to its closing quote, unescaped
            StringBuilder message = new StringBuilder();
            for (int i = start + "\"message\":\"".length(); i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') return message.toString();
                if (c == '\\' && i + 1 < text.length()) c = text.charAt(++i);
                message.append(c);
            }
        }
        return text.replaceFirst("^Status \\d+: ", "");
    }

    public static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        return cause;
    }

    public static String firstLine(String text) {
        if (text == null || text.isBlank()) return "no reason given";
        String line = text.strip().lines().findFirst().orElse(text);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
