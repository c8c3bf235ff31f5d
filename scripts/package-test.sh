#!/usr/bin/env bash
# Builds the .deb from a configured build directory, installs it with apt-get as a user would,
# and runs the installed `nodetriage check` against the installed simulator.
# Usage: scripts/package-test.sh BUILD_DIR     (as root or with sudo available)
set -euo pipefail

build_dir=$(cd "${1:?usage: package-test.sh BUILD_DIR}" && pwd)
work=$(mktemp -d)
sim_pid=
cleanup() {
  if [ -n "$sim_pid" ]; then kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
fail() { echo "package test: $*" >&2; exit 1; }

echo "==> building the .deb"
(cd "$build_dir" && cpack -G DEB -B "$work/deb" >/dev/null)
deb=$(ls "$work"/deb/nodetriage_*.deb)
dpkg-deb --field "$deb" Package Version Depends
if dpkg-deb --contents "$deb" | grep -E '/(tst_|bench_)' ; then fail "test or benchmark binaries in the package"; fi

echo "==> installing $(basename "$deb")"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install --reinstall -y -qq "$deb" >/dev/null

for f in /usr/bin/nodetriage /usr/bin/nodetriage-sim \
         /usr/share/applications/org.nodetriage.NodeTriage.desktop \
         /usr/share/metainfo/org.nodetriage.NodeTriage.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/org.nodetriage.NodeTriage.svg \
         /usr/share/man/man1/nodetriage.1.gz; do
  [ -e "$f" ] || fail "$f is not installed"
done
desktop-file-validate /usr/share/applications/org.nodetriage.NodeTriage.desktop
appstreamcli validate --no-net /usr/share/metainfo/org.nodetriage.NodeTriage.metainfo.xml >/dev/null

echo "==> installed nodetriage check against the installed simulator"
# The simulator prints one line when it listens; read it from a fifo rather than sleeping.
mkfifo "$work/sim.out"
/usr/bin/nodetriage-sim --scenario notready-unreachable --port 0 \
  --kubeconfig-out "$work/kubeconfig" >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
if ! read -r -t 60 line <"$work/sim.out"; then cat "$work/sim.err" >&2; fail "simulator did not start"; fi
case "$line" in "listening on https://127.0.0.1:"*) ;; *) fail "unexpected simulator output: $line" ;; esac

set +e
/usr/bin/nodetriage check --kubeconfig "$work/kubeconfig" --duration 0 --steps 1 \
  --json "$work/report.json" 2>"$work/check.err"
status=$?
set -e
[ "$status" -eq 2 ] || { cat "$work/check.err" >&2; fail "expected exit status 2 (critical findings), got $status"; }
grep -q '"schema": *"nodetriage.report/v1"' "$work/report.json" || fail "report has no schema field"
grep -q '"node.unknown"' "$work/report.json" || fail "report lacks the node.unknown finding"
/usr/bin/nodetriage check --help | grep -q -- '--allow-changes' || fail "--help does not document --allow-changes"
echo "==> package test passed: $(basename "$deb") installs and its check finds node.unknown"
