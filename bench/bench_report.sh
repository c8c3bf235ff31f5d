#!/usr/bin/env bash
# Issue 6 benchmark: what the PDF and HTML reports add on top of `nodetriage check` on a big
# incident (default incident-5000 at 5000 nodes). hyperfine compares the check writing only JSON
# with the same check also writing --pdf and --html (the difference is the reports' cost), and
# GNU time gives each one's peak RSS.
# Usage: [RUNS=5] [DURATION=0] bench/bench_report.sh [BUILD_DIR] [NODES] [SCENARIO]
set -euo pipefail
build=${1:-build/release}
nodes=${2:-5000}
scenario=${3:-incident-5000}
bin=$build/bin
[ -x "$bin/nodetriage" ] || { echo "build $build first (cmake --preset release && cmake --build --preset release)" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is missing (apt-get install hyperfine)" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill $sim 2>/dev/null; wait $sim 2>/dev/null; rm -rf "$work"' EXIT
"$bin/nodetriage-sim" --scenario "$scenario" --nodes "$nodes" --port 0 \
  --kubeconfig-out "$work/kubeconfig" > "$work/sim.out" 2>&1 &
sim=$!
for _ in $(seq 1 600); do grep -q "listening on" "$work/sim.out" 2>/dev/null && break; sleep 0.1; done
grep "listening on" "$work/sim.out"

export HOME=$work KUBECONFIG=$work/kubeconfig QT_QPA_PLATFORM=offscreen
base="$bin/nodetriage check --duration ${DURATION:-0} --json $work/a.json"
reports="$base --pdf $work/r.pdf --html $work/r.html"

# The check exits 0/1/2 by its findings; only 3 means it could not run (-i ignores the rest).
hyperfine --warmup 1 --runs "${RUNS:-5}" -i --export-markdown "$work/hyperfine.md" \
  -n "check, JSON only ($scenario, $nodes nodes)" "$base" \
  -n "check, JSON + PDF + HTML ($scenario, $nodes nodes)" "$reports"
cat "$work/hyperfine.md"

for cmd in "$base" "$reports"; do
  /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KiB peak RSS: $cmd" $cmd > /dev/null 2> "$work/time.txt" || true
  tail -1 "$work/time.txt"
done
pages=$(pdfinfo "$work/r.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
echo "PDF: $(stat -c %s "$work/r.pdf") bytes, ${pages:-?} pages; HTML: $(stat -c %s "$work/r.html") bytes"
