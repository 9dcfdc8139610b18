# Reference values for the inventory tests (models/src/test/resources/inventory/*.csv).
# Run from models/:  Rscript src/test/R/inventory-reference.R
# Base R only (stats: ppois, qpois, dpois, pnbinom, qnbinom, dnbinom, dnorm, pnorm).
out <- "src/test/resources/inventory"
header <- function(file, what) {
  con <- file(file.path(out, file), "w")
  writeLines(c(sprintf("# %s", what),
               sprintf("# computed using %s: Rscript src/test/R/inventory-reference.R", R.version.string)), con)
  con
}
num <- function(x) trimws(formatC(x, digits = 15, format = "g"))

# 1. Quantiles and cdfs: qpois, ppois, qnbinom, pnbinom
con <- header("quantiles.csv", "qpois(p, lambda), ppois(q, lambda); qnbinom(p, size, prob), pnbinom(q, size, prob)")
writeLines("family,param1,param2,p,quantile,cdf_at_quantile", con)
for (lambda in c(0.5, 3.7, 12, 40)) for (p in c(0.05, 0.5, 0.9, 0.95, 0.99)) {
  q <- qpois(p, lambda)
  writeLines(paste("poisson", num(lambda), "", num(p), q, num(ppois(q, lambda)), sep = ","), con)
}
for (sp in list(c(1, 1/3), c(2, 0.3), c(5, 5/9), c(3, 0.05))) for (p in c(0.05, 0.5, 0.9, 0.95, 0.99)) {
  q <- qnbinom(p, size = sp[1], prob = sp[2])
  writeLines(paste("negbinom", num(sp[1]), num(sp[2]), num(p), q, num(pnbinom(q, sp[1], sp[2])), sep = ","), con)
}
close(con)

# 2. First-order loss function E[(X - s)+] = sum over x > s of (x - s) P(X = x)
loss_pois <- function(s, lambda) { x <- 0:(200 + 10 * lambda); sum(pmax(x - s, 0) * dpois(x, lambda)) }
loss_nb <- function(s, size, prob) { x <- 0:5000; sum(pmax(x - s, 0) * dnbinom(x, size, prob)) }
con <- header("loss.csv", "E[(X - s)+] by direct summation over the pmf (dpois, dnbinom); normal: sigma*(dnorm(z) - z*(1 - pnorm(z)))")
writeLines("family,param1,param2,s,loss", con)
for (lambda in c(0.5, 8)) for (s in c(0, 1, 2, 5, 8, 10, 14)) {
  writeLines(paste("poisson", num(lambda), "", s, num(loss_pois(s, lambda)), sep = ","), con)
}
for (s in c(0, 2, 8, 12, 20)) writeLines(paste("negbinom", 4, num(1/3), s, num(loss_nb(s, 4, 1/3)), sep = ","), con)
for (z in c(0, 1, 1.5, 2)) writeLines(paste("normal", 0, 1, z, num(dnorm(z) - z * (1 - pnorm(z))), sep = ","), con)
close(con)

# 3. Fill rate of an (R, S) policy with full backordering (Silver, Pyke & Thomas, sec. 7.8):
#    beta(S) = 1 - (E[(D_{L+R} - S)+] - E[(D_L - S)+]) / E[D_R], and the classic
#    approximation 1 - E[(D_{L+R} - S)+] / E[D_R]. Review R = 1 period, lead time L = 3 periods.
#    Poisson: 2 per period. Negative binomial: size 1, prob 1/3 per period (mean 2, variance 6);
#    sums of independent NB with the same prob are NB with the sizes added.
con <- header("fillrate.csv", "beta(S) exact = 1 - (G_{L+R}(S) - G_L(S))/E[D_R]; approx = 1 - G_{L+R}(S)/E[D_R]; L = 3, R = 1")
writeLines("family,S,exact,approx", con)
for (S in 4:18) {
  gx <- loss_pois(S, 8); gl <- loss_pois(S, 6)
  writeLines(paste("poisson", S, num(1 - (gx - gl) / 2), num(1 - gx / 2), sep = ","), con)
}
for (S in 4:30) {
  gx <- loss_nb(S, 4, 1/3); gl <- loss_nb(S, 3, 1/3)
  writeLines(paste("negbinom", S, num(1 - (gx - gl) / 2), num(1 - gx / 2), sep = ","), con)
}
close(con)

# 4. EOQ (Harris 1913, Wilson 1934): sqrt(2 * D * K / h), h = holding rate * unit cost
con <- header("eoq.csv", "sqrt(2 * annual_demand * order_cost / (holding_rate * unit_cost))")
writeLines("annual_demand,order_cost,holding_rate,unit_cost,eoq", con)
for (row in list(c(1200, 50, 0.2, 30), c(2400, 3.2, 0.24, 0.4), c(52, 80, 0.25, 400), c(10000, 25, 0.18, 2.5))) {
  writeLines(paste(num(row[1]), num(row[2]), num(row[3]), num(row[4]),
                   num(sqrt(2 * row[1] * row[2] / (row[3] * row[4]))), sep = ","), con)
}
close(con)
