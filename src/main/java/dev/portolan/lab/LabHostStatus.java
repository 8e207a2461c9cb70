package dev.portolan.lab;

/**
 * One host of a lab as it is now, for `portolan status` and the lab window.
 *
 * @param provider simulated, existing or docker-machine
 * @param state    running, lost, stopped, kept data, absent (or unknown)
 * @param reason   why, in a sentence: the exit code and the end of its log for a failed host
 */
public record LabHostStatus(String host, String provider, String state, String reason) {}
