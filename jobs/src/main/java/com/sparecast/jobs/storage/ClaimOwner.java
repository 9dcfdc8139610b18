package com.sparecast.jobs.storage;

import java.lang.management.ManagementFactory;

/**
 * How a process names itself in a claim ({@code pid@host}, optionally followed by {@code /...}),
 * and whether the owner of a claim is a process of this host that is gone: the run claims in the
 * job repository and the publish claims on an output both take such a claim over at once.
 */
public final class ClaimOwner {

    private ClaimOwner() {
    }

    /** This process: {@code pid@host}. */
    public static String self() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    /** Whether {@code owner} ({@code pid@host[/...]}) is a process of this host that is no longer running. */
    public static boolean diedOnThisHost(String owner) {
        String self = self();
        int at = owner.indexOf('@');
        int selfAt = self.indexOf('@');
        if (at <= 0 || selfAt <= 0) {
            return false;
        }
        int slash = owner.indexOf('/', at);
        String host = owner.substring(at + 1, slash < 0 ? owner.length() : slash);
        if (!host.equals(self.substring(selfAt + 1))) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner.substring(0, at));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
