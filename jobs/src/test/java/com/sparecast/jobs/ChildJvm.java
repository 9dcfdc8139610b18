package com.sparecast.jobs;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a Sparecast JVM that a test starts as a separate process. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * {@code java}, the flags Spark needs (as this test JVM got them from the build, the parent
     * pom's {@code spark.jvm.flags}), {@code jvmOptions}, the class path and Sparecast's main class,
     * then {@code arguments}.
     */
    public static List<String> sparecast(List<String> jvmOptions, String classPath, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("--add-") || argument.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || argument.startsWith("-Djdk.") || argument.startsWith("-Dio.netty")) {
                command.add(argument);
            }
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add("com.sparecast.jobs.cli.SparecastCommand");
        command.addAll(arguments);
        return command;
    }

    /** {@link #sparecast(List, String, List)} on this test JVM's class path. */
    public static List<String> sparecast(List<String> jvmOptions, List<String> arguments) {
        return sparecast(jvmOptions, System.getProperty("java.class.path"), arguments);
    }
}
