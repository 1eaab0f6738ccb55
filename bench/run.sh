#!/usr/bin/env bash
# The full measurement of docs/benchmarks.md: builds bench/ and the modules it needs (never
# installs anything), runs every benchmark (about 25 minutes on 2 cores when quiet), rewrites the
# generated tables of docs/benchmarks.md and its chart docs/benchmarks-digest.png. Run it on a quiet
# machine: the load average is recorded next to every figure.
#   bench/run.sh                      everything
#   bench/run.sh --only wire,cold     some of wire, cold, burst, gap, digest, token, jmh, compile
#                                     (docs: those tables and goals only)
# wire, cold and burst start fresh JVMs (the samples CLI, its simulators, the anchors); burst and
# gap need apache2 (httpd), as digest does.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ] && { [ "$1" != "--only" ] || [ $# -ne 2 ]; }; then
  echo "usage: bench/run.sh [--only wire,cold,burst,gap,digest,token,jmh,compile]" >&2
  exit 2
fi
started=$(date +%s)
rm -f bench/target/bench/digest-chart.png   # a run without digest must not copy an old chart
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
mvn -B -ntp -q -Pbench -pl bench -am verify -DskipTests \
  -Dbench.args="--out $PWD/bench/target/bench --docs $PWD/docs/benchmarks.md $*"
if [ -f bench/target/bench/digest-chart.png ]; then
  cp bench/target/bench/digest-chart.png docs/benchmarks-digest.png
fi
echo "took $(( $(date +%s) - started )) s; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tables: docs/benchmarks.md, chart: docs/benchmarks-digest.png, raw: bench/target/bench/results.md"
