/**
 * Forecasting methods, each with the same shape ({@link com.sparecast.models.forecast.ForecastMethod#fit}
 * on a series; {@link com.sparecast.models.forecast.FittedForecast} gives {@code forecast(h)},
 * {@code fitted()} and {@code parameters()}) and its literature name as alias:
 *
 * <table>
 *   <caption>Methods</caption>
 *   <tr><th>alias</th><th>class</th><th>parameters</th><th>reference</th></tr>
 *   <tr><td>Naive</td><td>{@link com.sparecast.models.forecast.Naive}</td><td>-</td><td>R naive</td></tr>
 *   <tr><td>HistoricAverage</td><td>{@link com.sparecast.models.forecast.HistoricAverage}</td><td>-</td><td>R meanf</td></tr>
 *   <tr><td>MovingAverage</td><td>{@link com.sparecast.models.forecast.MovingAverage}</td><td>window (12)</td><td>statsforecast WindowAverage</td></tr>
 *   <tr><td>SimpleExponentialSmoothing</td><td>{@link com.sparecast.models.forecast.SimpleExponentialSmoothing}</td><td>alpha by Brent in [0.01, 1]</td><td>R ses(initial = "simple")</td></tr>
 *   <tr><td>HoltDamped</td><td>{@link com.sparecast.models.forecast.HoltDamped}</td><td>alpha, beta, phi on a grid</td><td>Gardner &amp; McKenzie 1985; R holt(damped = TRUE) recursion</td></tr>
 *   <tr><td>CrostonClassic</td><td>{@link com.sparecast.models.forecast.CrostonClassic}</td><td>alpha 0.1</td><td>Croston 1972; R croston</td></tr>
 *   <tr><td>CrostonOptimized</td><td>{@link com.sparecast.models.forecast.CrostonOptimized}</td><td>two alphas by Brent in [0.1, 0.3]</td><td>statsforecast</td></tr>
 *   <tr><td>CrostonSBA</td><td>{@link com.sparecast.models.forecast.CrostonSBA}</td><td>alpha 0.1</td><td>Syntetos &amp; Boylan 2005</td></tr>
 *   <tr><td>TSB</td><td>{@link com.sparecast.models.forecast.TSB}</td><td>alpha_d, alpha_p on a grid</td><td>Teunter, Syntetos &amp; Babai 2011</td></tr>
 *   <tr><td>ADIDA</td><td>{@link com.sparecast.models.forecast.ADIDA}</td><td>level, alpha by Brent in [0.1, 0.3]</td><td>Nikolopoulos et al. 2011</td></tr>
 *   <tr><td>IMAPA</td><td>{@link com.sparecast.models.forecast.IMAPA}</td><td>levels, alphas by Brent in [0.1, 0.3]</td><td>Petropoulos &amp; Kourentzes 2015</td></tr>
 *   <tr><td>(any)</td><td>{@link com.sparecast.models.forecast.Combination}</td><td>members; mean or median</td><td>Makridakis et al. 2020 (M4); not a standard candidate: docs/forecast-combinations.md</td></tr>
 *   <tr><td>InstalledBase</td><td>{@link com.sparecast.models.forecast.InstalledBase}</td><td>failure rate per unit</td><td>Dekker et al. 2013</td></tr>
 * </table>
 *
 * <p>Every method is immutable, thread-safe and serializable; the optimised ones have a variant
 * with the parameters fixed ({@code of}/{@code fixed}), whose fitted values are the one-step
 * forecasts from every prefix. Tests pin each to R (models/src/test/R/reference.R).
 */
package com.sparecast.models.forecast;
