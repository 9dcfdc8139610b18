package com.sparecast.jobs.batch;

import com.sparecast.jobs.config.Settings;
import java.time.LocalDate;

/**
 * One request to run the nightly job, as the CLI or the scheduler makes it.
 *
 * @param input input location (folder or s3:// prefix)
 * @param output output location
 * @param planningDate the date planned for
 * @param sparkMaster Spark master URL
 * @param force plan again even if this date already completed on these inputs
 * @param settings configuration
 */
public record RunRequest(String input, String output, LocalDate planningDate, String sparkMaster, boolean force,
                         Settings settings) {
}
