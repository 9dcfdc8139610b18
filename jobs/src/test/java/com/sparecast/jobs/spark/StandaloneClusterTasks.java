package com.sparecast.jobs.spark;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * A listener the cluster test registers in the driver ({@code spark.extraListeners}): the
 * application's id and, per executor, how many tasks finished successfully on it.
 */
public final class StandaloneClusterTasks extends SparkListener {

    static final Map<String, Long> TASKS_BY_EXECUTOR = new ConcurrentHashMap<>();
    static final Set<String> APP_IDS = ConcurrentHashMap.newKeySet();

    @Override
    public void onApplicationStart(SparkListenerApplicationStart start) {
        if (start.appId().isDefined()) {
            APP_IDS.add(start.appId().get());
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskInfo().successful()) {
            TASKS_BY_EXECUTOR.merge(end.taskInfo().executorId(), 1L, Long::sum);
        }
    }
}
