/**
 * Accuracy and the per-series automatic choice: {@link com.sparecast.models.selection.ErrorMeasures}
 * (MAE, RMSE, MASE, RMSSE, bias) and {@link com.sparecast.models.selection.AutomaticForecaster},
 * which backtests every candidate from rolling origins inside the history, judges on squared
 * error (RMSSE) with a bias guard, keeps its default (TSB) unless a challenger wins clearly, and
 * returns a {@link com.sparecast.models.selection.SeriesForecast} with the demand class.
 */
package com.sparecast.models.selection;
