# Reference values for the tests of com.sparecast.models (forecast, selection, distribution).
#
# Run from the repository root:
#   Rscript models/src/test/R/reference.R > models/src/test/resources/com/sparecast/models/reference.txt
#
# Needs R >= 4.2 and the forecast package (Debian: apt-get install r-cran-forecast).
# Where R's forecast package implements a method (naive, meanf, ses, croston, holt), its values
# are used as they come. Where it does not (SBA, CrostonOptimized, TSB, ADIDA, IMAPA, which live
# in tsintermittent or statsforecast), the method is written out below from its paper and
# statsforecast's definition, with forecast::ses doing the smoothing and stats::optimize the
# one-dimensional search, so that the Java code is checked against an independent implementation.
suppressMessages(library(forecast))

out <- function(key, values) {
  cat(key, "=", paste(formatC(as.numeric(values), digits = 17, format = "g"), collapse = " "), "\n")
}

cat("# Reference values for Sparecast's forecasting methods and demand distributions.\n")
cat("# Computed using ", R.version.string, ", forecast ", as.character(packageVersion("forecast")),
    " by models/src/test/R/reference.R.\n", sep = "")
cat("# Format: key = values (space-separated, 17 significant digits); NA for a missing value.\n")

series <- list(
  raf1160 = c(0, 4, 0, 0, 0, 0, 2, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 10, 0, 0, 2, 0, 0, 0, 0, 0, 5, 0, 0, 6, 0, 0, 0, 0, 6, 4, 0, 0, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 4, 4, 0, 0, 0, 0, 0, 1, 0, 0, 10, 0, 0, 10, 0),
  raf0431 = c(1, 2, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 10, 0, 0, 2, 0, 0, 0, 4, 0, 0, 14, 0, 0, 0, 10, 0, 0, 2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 10, 0, 7, 0, 0, 0, 0, 0, 0, 10, 0, 0),
  raf0006 = c(0, 2, 0, 0, 0, 0, 0, 0, 0, 3, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
  nile = as.numeric(datasets::Nile)
)
h <- 6
for (name in names(series)) out(paste0("series.", name), series[[name]])

# The SSE of SES started at the first value (initial = "simple"), and its optimum in [lo, hi].
ses_sse <- function(alpha, x) {
  l <- x[1]; s <- 0
  if (length(x) > 1) for (i in 2:length(x)) { s <- s + (x[i] - l)^2; l <- l + alpha * (x[i] - l) }
  s
}
ses_level <- function(x, alpha) {
  if (length(x) == 1) return(x[1])
  as.numeric(ses(x, alpha = alpha, initial = "simple", h = 1)$mean[1])
}
opt_alpha <- function(x, lo, hi) {
  if (length(x) < 3) return(lo)
  a <- optimize(ses_sse, c(lo, hi), x = x, tol = 1e-10)$minimum
  cand <- c(a, lo, hi); sse <- sapply(cand, ses_sse, x = x)
  cand[which.min(sse)]
}
sizes <- function(y) y[y > 0]
intervals <- function(y) diff(c(0, which(y > 0)))

for (name in names(series)) {
  y <- series[[name]]
  key <- function(k) paste0(name, ".", k)
  fn <- naive(y, h = h)
  out(key("Naive.mean"), fn$mean)
  out(key("Naive.fitted"), fn$fitted)
  out(key("HistoricAverage.mean"), meanf(y, h = h)$mean)
  out(key("MovingAverage12.mean"), rep(mean(tail(y, 12)), h))

  fs <- ses(y, h = h, initial = "simple")
  out(key("SimpleExponentialSmoothing.alpha"), fs$model$par["alpha"])
  out(key("SimpleExponentialSmoothing.mean"), fs$mean)
  out(key("SimpleExponentialSmoothing.fitted"), fs$fitted)

  if (name != "nile") {
    for (alpha in c(0.1, 0.25)) {
      fc <- croston(y, h = h, alpha = alpha)
      out(key(paste0("CrostonClassic.", alpha, ".mean")), fc$mean)
      out(key(paste0("CrostonClassic.", alpha, ".fitted")), fc$fitted)
      # SBA: Croston times (1 - alpha/2) (Syntetos & Boylan 2005, eq. 9).
      out(key(paste0("CrostonSBA.", alpha, ".mean")), (1 - alpha / 2) * fc$mean)
    }
    # CrostonOptimized (statsforecast): each of sizes and intervals with its own alpha in [0.1, 0.3].
    z <- sizes(y); p <- intervals(y)
    az <- opt_alpha(z, 0.1, 0.3); ap <- opt_alpha(p, 0.1, 0.3)
    out(key("CrostonOptimized.alphas"), c(az, ap))
    out(key("CrostonOptimized.mean"), rep(ses_level(z, az) / ses_level(p, ap), h))

    # TSB (Teunter, Syntetos & Babai 2011), statsforecast's initialisation.
    tsb_path <- function(y, ad, ap) {
      n <- length(y); fit <- rep(NA, n)
      pr <- as.numeric(y[1] > 0); zz <- if (y[1] > 0) y[1] else NA
      for (t in 2:n) {
        fit[t] <- if (is.na(zz)) 0 else pr * zz
        if (y[t] > 0) { pr <- pr + ap * (1 - pr); zz <- if (is.na(zz)) y[t] else zz + ad * (y[t] - zz) }
        else pr <- pr - ap * pr
      }
      list(fitted = fit, level = if (is.na(zz)) 0 else pr * zz)
    }
    tp <- tsb_path(y, 0.1, 0.05)
    out(key("TSB.0.1.0.05.mean"), rep(tp$level, h))
    out(key("TSB.0.1.0.05.fitted"), tp$fitted)
    gd <- c(0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
    gp <- c(0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
    best <- c(Inf, NA, NA)
    for (ad in gd) for (apg in gp) {
      f <- tsb_path(y, ad, apg)$fitted
      sse <- sum((y - f)^2, na.rm = TRUE)
      if (sse < best[1]) best <- c(sse, ad, apg)
    }
    out(key("TSB.optimized.alphas"), best[2:3])
    out(key("TSB.optimized.mean"), rep(tsb_path(y, best[2], best[3])$level, h))

    # ADIDA and IMAPA (statsforecast): buckets aligned to the end, SES alpha in [0.1, 0.3].
    agg_forecast <- function(y, k) {
      m <- length(y) %/% k
      yy <- tail(y, m * k)
      b <- colSums(matrix(yy, nrow = k))
      a <- opt_alpha(b, 0.1, 0.3)
      ses_level(b, a) / k
    }
    k <- max(1, round(mean(intervals(y))))
    out(key("ADIDA.level"), k)
    out(key("ADIDA.mean"), rep(agg_forecast(y, k), h))
    out(key("IMAPA.mean"), rep(mean(sapply(1:k, function(j) agg_forecast(y, j))), h))
  } else {
    # Damped Holt: ETS(A,Ad,N) as holt() fits it; the Java recursion is started from the same state.
    fh <- holt(y, damped = TRUE, h = h)
    out(key("HoltDamped.par"), fh$model$par[c("alpha", "beta", "phi")])
    out(key("HoltDamped.initial"), fh$model$states[1, c("l", "b")])
    out(key("HoltDamped.mean"), fh$mean)
    out(key("HoltDamped.fitted"), fh$fitted)
  }
}

# Error measures: MASE from forecast::accuracy (scaled by the in-sample naive MAE); RMSSE by
# its definition (M5), RMSE scaled by the in-sample naive RMSE.
y <- series$raf1160
train <- y[1:72]; test <- y[73:84]
fc <- croston(train, h = 12, alpha = 0.1)$mean
acc <- accuracy(fc, test, d = 1, D = 0)
scale_mae <- mean(abs(diff(train))); scale_rmse <- sqrt(mean(diff(train)^2))
out("errors.croston.mae", mean(abs(test - fc)))
out("errors.croston.rmse", sqrt(mean((test - fc)^2)))
out("errors.croston.mase", mean(abs(test - fc)) / scale_mae)
out("errors.croston.rmsse", sqrt(mean((test - fc)^2)) / scale_rmse)
out("errors.croston.bias", mean(fc - test))
out("errors.accuracy.RMSE", acc["Test set", "RMSE"])
out("errors.accuracy.MAE", acc["Test set", "MAE"])

# Distributions: quantiles, cdf, and the loss function E[(X - s)+] summed over the support.
ps <- c(0.1, 0.5, 0.8, 0.9, 0.95, 0.99)
loss_discrete <- function(pmf, s, upper) { x <- 0:upper; sum(pmax(x - s, 0) * pmf(x)) }
for (lambda in c(0.3, 2.5, 14)) {
  k <- paste0("poisson.", lambda)
  out(paste0(k, ".quantile"), qpois(ps, lambda))
  out(paste0(k, ".cdf"), ppois(0:5, lambda))
  out(paste0(k, ".loss"), sapply(c(0, 1, 2.5, 4, 10), function(s) loss_discrete(function(x) dpois(x, lambda), s, 2000)))
}
for (mv in list(c(0.4, 2), c(3, 7.5), c(12, 60))) {
  mu <- mv[1]; v <- mv[2]; size <- mu^2 / (v - mu)
  k <- paste0("negbin.", mu, ".", v)
  out(paste0(k, ".quantile"), qnbinom(ps, size = size, mu = mu))
  out(paste0(k, ".cdf"), pnbinom(0:5, size = size, mu = mu))
  out(paste0(k, ".loss"), sapply(c(0, 1, 2.5, 4, 10), function(s) loss_discrete(function(x) dnbinom(x, size = size, mu = mu), s, 20000)))
}
for (mv in list(c(40, 90))) {
  mu <- mv[1]; sd <- sqrt(mv[2])
  k <- paste0("normal.", mu, ".", mv[2])
  out(paste0(k, ".quantile"), qnorm(ps, mu, sd))
  out(paste0(k, ".loss"), sapply(c(30, 40, 55), function(s) integrate(function(x) (x - s) * dnorm(x, mu, sd), s, Inf)$value))
}
