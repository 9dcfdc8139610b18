# Timings of R's forecast package on the RAF data, for comparison with Sparecast's backtest.
#
#   Rscript models/src/test/R/timings.R /path/to/raf-monthly.csv.gz [number of series, default 500]
#
# croston() computes its fitted values by refitting every prefix, so it is slow: the default
# times the first 500 series and reports series per second.
# Fits croston, ses and ets (model chosen by AICc, as ets() does by default) on the training
# part of every series (the first 72 of 84 months) and forecasts 12 months, one core, and
# prints the elapsed seconds and series per second of each.
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(gzfile(args[1]))
d <- d[order(d$part_no, d$period), ]
series <- split(d$quantity, d$part_no)
n <- if (length(args) > 1) as.integer(args[2]) else 500
series <- series[seq_len(min(n, length(series)))]
train <- lapply(series, function(y) ts(y[1:(length(y) - 12)], frequency = 12))
cat("R", R.version$major, ".", R.version$minor, ", forecast ", as.character(packageVersion("forecast")),
    ", ", length(train), " series of ", length(train[[1]]), " months\n", sep = "")
run <- function(name, f) {
  t <- system.time(for (y in train) f(y))[["elapsed"]]
  cat(sprintf("%-28s %8.2f s %10.0f series/s\n", name, t, length(train) / t))
}
run("croston(alpha = 0.1)", function(y) croston(y, h = 12, alpha = 0.1))
run("ses", function(y) ses(y, h = 12))
run("ets", function(y) forecast(ets(y), h = 12))
