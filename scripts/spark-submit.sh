#!/usr/bin/env bash
# Submits the nightly job to a Spark cluster (standalone, YARN or Kubernetes) in client mode.
#   scripts/spark-submit.sh --master spark://host:7077 [spark-submit options] -- run --input s3://... --output s3://... [--date D]
# With SPARK_HOME set, the cluster's own spark-submit is used and only Sparecast's jars that the
# distribution lacks are shipped (--jars); without it, Spark's launcher runs from the Maven jars
# in jobs/target/lib, which is enough for a standalone master.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/jobs/target/sparecast-jobs-0.1.0-SNAPSHOT.jar"
lib="$root/jobs/target/lib"
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)

submit_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do submit_args+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ $# -gt 0 ] || { echo "usage: spark-submit.sh --master URL [options] -- run --input LOC --output LOC [--date D]" >&2; exit 2; }

if [ -n "${SPARK_HOME:-}" ]; then
  # Ship what the distribution lacks: a jar whose artifact name is not in $SPARK_HOME/jars.
  extra=()
  for j in "$lib"/*.jar; do
    name="$(basename "$j" | sed -E 's/-[0-9][0-9A-Za-z.+-]*\.jar$//')"
    compgen -G "$SPARK_HOME/jars/$name-[0-9]*.jar" > /dev/null || extra+=("$j")
  done
  jars="$(IFS=,; echo "${extra[*]}")"
  exec "$SPARK_HOME/bin/spark-submit" --deploy-mode client --class com.sparecast.jobs.cli.SparecastCommand \
    --jars "$jars" "${submit_args[@]}" "$jar" "$@"
fi

flags=(
  -XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true
)
# The driver's JVM options: the launcher's default (scripts/sparecast) unless SPARECAST_JAVA_OPTS is set.
# shellcheck disable=SC2086
exec java "${flags[@]}" ${SPARECAST_JAVA_OPTS:--Xmx4g -XX:+UseParallelGC} -cp "$jar:$lib/*" org.apache.spark.deploy.SparkSubmit \
  --deploy-mode client --class com.sparecast.jobs.cli.SparecastCommand \
  --conf "spark.executor.extraClassPath=$jar:$lib/*" "${submit_args[@]}" "$jar" "$@"
