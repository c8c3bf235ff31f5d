#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine: installs what is missing, builds, then either
# opens the program on the demo cluster (`demo`) or runs every test (`test`).
# Safe to re-run: apt-get only installs packages that are not there yet, the build is incremental.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

# Build and test dependencies, Debian 12 package names. Keep in sync with packaging/ (runtime
# dependencies of the .deb are computed by CPack from the binaries).
PACKAGES=(
  cmake ninja-build g++ pkg-config
  # packaging: dpkg-shlibdeps computes the .deb's dependencies; icons rendered from the SVG;
  # desktop file and AppStream validators
  dpkg-dev file librsvg2-bin desktop-file-utils appstream
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins libgl-dev
  libqt6opengl6-dev libxkbcommon-dev libvulkan-dev
  libssh-dev libvterm-dev nlohmann-json3-dev libyaml-cpp-dev libssl-dev libbenchmark-dev
  # peers the tests start on 127.0.0.1, and tools to look at what we render
  openssh-server openssh-client prometheus-node-exporter prometheus dnsmasq-base
  xvfb xauth poppler-utils fonts-noto-cjk hyperfine
  # nslookup and dig: the node-side DNS check's parsers are tested on their real output
  bind9-dnsutils
  # Qt's own strings (standard buttons, dialogs) in Chinese
  qt6-translations-l10n
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> installing: ${missing[*]}"
    as_root apt-get update -qq
    # Services from these packages (prometheus, node-exporter) must not start on install: the
    # tests start their own instances on free loopback ports.
    as_root env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 \
      apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

build() {
  local preset=$1
  cmake --preset "$preset"
  cmake --build --preset "$preset"
}

case "${1:-}" in
  demo)
    install_missing
    build release
    shift
    exec ./build/release/bin/nodetriage --demo "$@"
    ;;
  test)
    install_missing
    build ci
    ctest --preset ci
    # The .deb as users get it: built, installed with apt-get, run from /usr/bin.
    scripts/package-test.sh build/ci
    ;;
  *)
    echo "usage: scripts/dev.sh demo [SCENARIO] | test" >&2
    exit 64
    ;;
esac
