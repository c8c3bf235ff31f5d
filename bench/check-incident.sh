#!/usr/bin/env bash
# Issue 5 benchmark: the full six-step check of the incident-5000 scenario (5000 nodes) - node
# lists, konnectivity, DNS (workstation against a local dnsmasq, no probe pod), kubelet metrics,
# NPD and disk counters of every node over a window - timed with hyperfine, plus wall, CPU and
# peak RSS of one run from GNU time.
# Usage: [RUNS=3] [DURATION=10] [INTERVAL=5] bench/check-incident.sh [BUILD_DIR] [NODES]
set -euo pipefail
build=${1:-build/release}
nodes=${2:-5000}
bin=$build/bin
[ -x "$bin/nodetriage" ] || { echo "build $build first (cmake --preset release && cmake --build --preset release)" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is missing (apt-get install hyperfine)" >&2; exit 1; }
[ -x /usr/sbin/dnsmasq ] || { echo "dnsmasq is missing (apt-get install dnsmasq-base)" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill $sim $dns 2>/dev/null; wait $sim $dns 2>/dev/null; rm -rf "$work"' EXIT
"$bin/nodetriage-sim" --scenario incident-5000 --nodes "$nodes" --port 0 \
  --kubeconfig-out "$work/kubeconfig" > "$work/sim.out" 2>&1 &
sim=$!
# The workstation vantage asks a dnsmasq of ours on loopback, never a real DNS server.
port=$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fqdn=$(sed -n 's/^  fqdn: *//p' resources/scenarios/incident-5000.yaml | head -1)
/usr/sbin/dnsmasq --keep-in-foreground --no-resolv --no-hosts --conf-file=/dev/null --port="$port" \
  --listen-address=127.0.0.1 --bind-interfaces --pid-file= --user="$(id -un)" \
  --address="/$fqdn/20.61.183.92" > "$work/dns.out" 2>&1 &
dns=$!
for _ in $(seq 1 300); do grep -q "listening on" "$work/sim.out" 2>/dev/null && break; sleep 0.1; done
grep "listening on" "$work/sim.out"

export HOME=$work KUBECONFIG=$work/kubeconfig
check="$bin/nodetriage check --duration ${DURATION:-10} --interval ${INTERVAL:-5} --dns-server 127.0.0.1:$port --json $work/report.json"

# The machine's load beside the figures: they are upper bounds on a busy machine.
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# The check exits 0/1/2 by its findings; only 3 means it could not run.
hyperfine --runs "${RUNS:-3}" -i --export-markdown "$work/hyperfine.md" \
  -n "nodetriage check, all steps ($nodes nodes)" "$check"
cat "$work/hyperfine.md"
/usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KiB peak RSS: $check" $check > /dev/null 2> "$work/time.txt" || true
tail -1 "$work/time.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/report.json" <<'PY'
import json, sys, collections
r = json.load(open(sys.argv[1]))
c = collections.Counter(f["id"] for f in r["findings"])
print("report: %d nodes, %d findings, %d nodes with latest; steps: %s" % (
    len(r["nodes"]), len(r["findings"]), sum(1 for n in r["nodes"] if n["latest"]),
    ", ".join("%d %s" % (s["number"], s["status"]) for s in r["steps"])))
print("findings by id:", dict(sorted(c.items())))
PY
