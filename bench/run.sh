#!/usr/bin/env bash
# The full measurement of docs/benchmarks.md: builds bench/ and the modules it needs (never
# installs anything), runs every benchmark (about 15 minutes on 2 cores), rewrites the generated
# tables of docs/benchmarks.md and its chart docs/benchmarks-digest.png. Run it on a quiet
# machine: the load average is recorded next to every figure.
#   bench/run.sh                      everything
#   bench/run.sh --only digest,jmh    some of digest, token, jmh, compile (docs: those tables only)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
mvn -B -ntp -q -Pbench -pl bench -am verify -DskipTests \
  -Dbench.args="--out $PWD/bench/target/bench --docs $PWD/docs/benchmarks.md $*"
if [ -f bench/target/bench/digest-chart.png ]; then
  cp bench/target/bench/digest-chart.png docs/benchmarks-digest.png
fi
echo "tables: docs/benchmarks.md, chart: docs/benchmarks-digest.png, raw: bench/target/bench/results.md"
