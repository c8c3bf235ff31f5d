#!/usr/bin/env bash
# Issue 2 benchmark: listing N nodes (default 5000) from one simulator, whole commands compared with
# hyperfine - `nodetriage check --steps 1 --duration 0` against `kubectl get nodes -o json` - plus
# the check's peak RSS and CPU time from GNU time.
# Usage: [RUNS=10] bench/check-vs-kubectl.sh [BUILD_DIR] [N]
set -euo pipefail
build=${1:-build/release}
nodes=${2:-5000}
bin=$build/bin
[ -x "$bin/nodetriage" ] || { echo "build $build first (cmake --preset release && cmake --build --preset release)" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is missing (apt-get install hyperfine)" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill $sim 2>/dev/null; wait $sim 2>/dev/null; rm -rf "$work"' EXIT
"$bin/nodetriage-sim" --nodes "$nodes" --port 0 --kubeconfig-out "$work/kubeconfig" > "$work/sim.out" 2>&1 &
sim=$!
for _ in $(seq 1 300); do grep -q "listening on" "$work/sim.out" 2>/dev/null && break; sleep 0.1; done
grep "listening on" "$work/sim.out"

export HOME=$work KUBECONFIG=$work/kubeconfig
check="$bin/nodetriage check --steps 1 --duration 0 --json $work/report.json"
kubectl_cmd="kubectl get nodes -o json"

# The check exits 0/1/2 by its findings; only 3 means it could not run.
hyperfine --warmup 1 --runs "${RUNS:-10}" -i --export-markdown "$work/hyperfine.md" \
  -n "nodetriage check ($nodes nodes)" "$check" \
  -n "kubectl get nodes -o json ($nodes nodes)" "$kubectl_cmd >/dev/null"
cat "$work/hyperfine.md"

for cmd in "$check" "$kubectl_cmd"; do
  /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KiB peak RSS: $cmd" $cmd > /dev/null 2> "$work/time.txt" || true
  tail -1 "$work/time.txt"
done
python3 -c "import json,sys; r=json.load(open('$work/report.json')); print('report: %d nodes, %d findings' % (len(r['nodes']), len(r['findings'])))"
