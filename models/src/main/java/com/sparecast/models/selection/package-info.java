/**
 * Accuracy and the per-series automatic choice: {@link com.sparecast.models.selection.ErrorMeasures}
 * (MAE, RMSE, MASE, RMSSE, bias) and {@link com.sparecast.models.selection.AutomaticForecaster},
 * which backtests every candidate from rolling origins inside the history, judges on squared
 * error (RMSSE) with a bias guard, keeps its default (HistoricAverage, or the method chosen on the
 * data set, {@link com.sparecast.models.selection.DefaultMethodTrials}) unless a challenger wins
 * clearly, and returns a {@link com.sparecast.models.selection.SeriesForecast} with the demand
 * class and the error variance. Inside, one class per part of the choice: the selection rule,
 * the data-set trial of the default and the error variance of a fit.
 */
package com.sparecast.models.selection;
