/**
 * Demand series statistics: ADI, CV² and zero share
 * ({@link com.sparecast.models.series.IntermittencyStatistics}) and the Syntetos-Boylan-Croston
 * classes ({@link com.sparecast.models.series.DemandClass}).
 */
package com.sparecast.models.series;
