#!/usr/bin/env bash
# connect + authenticate + exec `true`: `nodetriage ssh` against OpenSSH's `ssh`, same sshd.
# Starts a temporary sshd on 127.0.0.1 (free port, temporary host and user keys), runs hyperfine,
# stops sshd. Usage: bench/ssh-vs-openssh.sh [path/to/nodetriage] [hyperfine options...]
# Run it on a Release build (cmake --preset release). Needs root (sshd), hyperfine, OpenSSH.
# RUNS=N sets hyperfine's --min-runs (default 50).
set -euo pipefail

NODETRIAGE=${1:-build/release/bin/nodetriage}
shift || true
[[ -x $NODETRIAGE ]] || { echo "no executable at $NODETRIAGE" >&2; exit 1; }
NODETRIAGE=$(realpath "$NODETRIAGE")

DIR=$(mktemp -d)
SSHD_PID=
cleanup() {
    if [[ -n $SSHD_PID ]]; then
        # The listener and its per-connection children (by id, via their parent pid).
        for child in $(ps -o pid= --ppid "$SSHD_PID" 2>/dev/null); do kill "$child" 2>/dev/null || true; done
        kill "$SSHD_PID" 2>/dev/null || true
        wait "$SSHD_PID" 2>/dev/null || true
    fi
    rm -rf "$DIR"
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ssh-keygen -q -t ed25519 -N '' -f "$DIR/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$DIR/id_ed25519"
cp "$DIR/id_ed25519.pub" "$DIR/authorized_keys"
echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$DIR/host_key.pub")" > "$DIR/known_hosts"
cat > "$DIR/sshd_config" <<CFG
Port $PORT
ListenAddress 127.0.0.1
HostKey $DIR/host_key
AuthorizedKeysFile $DIR/authorized_keys
PidFile $DIR/sshd.pid
StrictModes no
UsePAM no
PermitRootLogin yes
PasswordAuthentication no
KbdInteractiveAuthentication no
MaxStartups 200
# The session's shell reads no rc file of the user running the benchmark (root's ~/.bashrc may
# run pyenv and the like, which would be most of what is measured): HOME is an empty directory.
SetEnv HOME=$DIR/home
PermitUserRC no
CFG
mkdir -p "$DIR/home"
[[ $(id -u) -eq 0 ]] && mkdir -p /run/sshd
/usr/sbin/sshd -D -e -f "$DIR/sshd_config" 2>"$DIR/sshd.log" &
SSHD_PID=$!
for _ in $(seq 200); do grep -q "Server listening" "$DIR/sshd.log" && break; sleep 0.05; done
grep -q "Server listening" "$DIR/sshd.log" || { cat "$DIR/sshd.log" >&2; exit 1; }

USER_NAME=$(id -un)
OURS="$NODETRIAGE ssh --ssh-config /dev/null -p $PORT -i $DIR/id_ed25519 --known-hosts $DIR/known_hosts $USER_NAME@127.0.0.1 -- true"
# The issue's command line, which reads the system ssh_config too (Debian's turns on GSSAPI)...
THEIRS="ssh -p $PORT -i $DIR/id_ed25519 -o UserKnownHostsFile=$DIR/known_hosts -o BatchMode=yes $USER_NAME@127.0.0.1 true"
# ...and the like-for-like one: no config file, as we are given --ssh-config /dev/null.
THEIRS_BARE="ssh -F none -p $PORT -i $DIR/id_ed25519 -o UserKnownHostsFile=$DIR/known_hosts -o BatchMode=yes $USER_NAME@127.0.0.1 true"
# ...and with the key exchange libssh 0.10 negotiates (OpenSSH 9.x prefers the post-quantum
# sntrup761x25519, which libssh 0.10 does not offer), so the crypto is the same on both sides.
THEIRS_X25519="$THEIRS_BARE -o KexAlgorithms=curve25519-sha256"
for command in "$OURS" "$THEIRS" "$THEIRS_BARE" "$THEIRS_X25519"; do
    $command || { echo "failed: $command; sshd log:" >&2; cat "$DIR/sshd.log" >&2; exit 1; }
done

hyperfine --warmup 5 --min-runs "${RUNS:-50}" -N "$@" -n "nodetriage ssh" "$OURS" \
    -n "OpenSSH ssh" "$THEIRS" -n "OpenSSH ssh -F none" "$THEIRS_BARE" \
    -n "OpenSSH ssh -F none, curve25519 kex" "$THEIRS_X25519"
