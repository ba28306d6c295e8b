# shellcheck shell=bash
# Shared by infra/local/up and infra/local/down (sourced, not run).
# Paths, ports and process helpers for the local Kafka broker and FerretDB.

# shellcheck disable=SC2034  # variables are used by the scripts that source this file

LOCAL_INFRA_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LOCAL_INFRA_HOME/../.." && pwd)"

# Downloads and builds, shared by every clone on the machine (CI in a fresh clone reuses them).
CACHE_DIR="${SFP_CACHE_DIR:-$HOME/.cache/sfp-platform}"
# Data, pid files and logs of this clone's servers.
LOCAL_DIR="${SFP_LOCAL_DIR:-$REPO_ROOT/.local-infra}"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
FERRETDB_PORT="${FERRETDB_PORT:-27017}"

RUN_DIR="$LOCAL_DIR/run"
LOG_DIR="$LOCAL_DIR/logs"
KAFKA_DIR="$LOCAL_DIR/kafka"
FERRETDB_DIR="$LOCAL_DIR/ferretdb"
KAFKA_PID_FILE="$RUN_DIR/kafka.pid"
FERRETDB_PID_FILE="$RUN_DIR/ferretdb.pid"
KAFKA_LOG="$LOG_DIR/kafka.log"
FERRETDB_LOG="$LOG_DIR/ferretdb.log"
# Written by up; down --wipe only deletes a directory that carries it.
MARKER_FILE="$LOCAL_DIR/.sfp-local-infra"

say() { echo "local-infra: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# True if something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pid_matches PID PATTERN: the process is alive and its command line contains PATTERN
# (guards against a stale pid file whose number was reused by another process).
pid_matches() {
  local pid="$1" pattern="$2" cmdline
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *"$pattern"* ]]
}

# Patterns that identify this clone's processes (they carry this clone's paths).
kafka_pattern() { echo "kafka.Kafka $KAFKA_DIR/server.properties"; }
ferretdb_pattern() { echo "--sqlite-url=file:$FERRETDB_DIR/data/"; }

# running_pid NAME: prints the pid of this clone's server NAME (kafka|ferretdb) if it runs.
running_pid() {
  local name="$1" pid_file pattern pid
  case "$name" in
    kafka) pid_file="$KAFKA_PID_FILE"; pattern="$(kafka_pattern)" ;;
    ferretdb) pid_file="$FERRETDB_PID_FILE"; pattern="$(ferretdb_pattern)" ;;
  esac
  if [ -f "$pid_file" ]; then
    pid="$(cat "$pid_file" 2>/dev/null || true)"
    if pid_matches "$pid" "$pattern"; then echo "$pid"; return 0; fi
  fi
  # Pid file lost or stale: look for a process whose command line names this clone's files.
  pid="$(pgrep -f -- "$pattern" 2>/dev/null | head -n 1 || true)"
  if [ -n "$pid" ] && pid_matches "$pid" "$pattern"; then echo "$pid"; return 0; fi
  return 1
}

# One up/down at a time per data dir (parallel test runs may all call up).
take_lock() {
  mkdir -p "$RUN_DIR"
  exec 9>"$RUN_DIR/lock"
  if ! flock -w 180 9; then die "another infra/local/up or down holds $RUN_DIR/lock for 180 s"; fi
}

show_log_tail() {
  local file="$1"
  if [ -s "$file" ]; then
    echo "----- last 40 lines of $file -----" >&2
    tail -n 40 "$file" >&2
    echo "----- end of $file -----" >&2
  else
    echo "(log $file is empty or missing)" >&2
  fi
}
