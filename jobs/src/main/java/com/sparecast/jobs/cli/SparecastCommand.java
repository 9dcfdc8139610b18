package com.sparecast.jobs.cli;

import com.sparecast.jobs.backtest.BacktestCommand;
import com.sparecast.jobs.backtest.ForecastCommand;
import com.sparecast.jobs.backtest.HistoryCommand;
import com.sparecast.jobs.generate.GenerateCommand;
import com.sparecast.jobs.simulate.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sparecast}: the one launcher; every command prints --help and exits 2 on a usage error. */
@Command(name = "sparecast", mixinStandardHelpOptions = true, version = "Sparecast 0.1.0",
        description = "Spare-parts forecasting, replenishment and customs-ready shipment planning.",
        subcommands = {RunCommand.class, ScheduleCommand.class, StatusCommand.class, BacktestCommand.class,
                ForecastCommand.class, SimulateCommand.class, HistoryCommand.class, GenerateCommand.class})
public final class SparecastCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + spec.subcommands().keySet());
    }

    public static void main(String[] args) {
        // java.util.logging (the PostgreSQL driver's) through Log4j 2 and its configuration, not
        // straight to stderr in its own two-line format. jul-to-slf4j comes with Spark.
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code, without exiting; for tests and the scheduler. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new SparecastCommand());
        commandLine.setExitCodeExceptionMapper(e -> 1);
        commandLine.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("sparecast: " + e.getMessage().lines().findFirst().orElse("usage error")
                    + " (see --help)");
            return 2;
        });
        return commandLine.execute(args);
    }
}
