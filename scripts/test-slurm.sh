#!/usr/bin/env bash
# Starts or stops a private single-node Slurm cluster for the tests (Debian 12's slurm-wlm 22.05 and
# munge; scripts/setup.sh --test installs them): its own munge key and socket, a generated slurm.conf
# with loopback ports and state/spool/log/pid files in a temp dir, slurmctld + slurmd, and two fake
# GPUs (GRES gpu:fake:2, no device files: Slurm counts and allocates them, nothing runs on them).
#   eval "$(scripts/test-slurm.sh start)"   # exports SLURM_CONF and HYPERSEARCH_TEST_SLURM_DIR
#   scripts/test-slurm.sh stop              # stops the daemons (by their pid files), deletes the dir
# Tests read SLURM_CONF (the clients sbatch/squeue/scancel need it) and HYPERSEARCH_TEST_SLURM (the
# partition). Needs root (slurmd runs jobs as their users; here every job is root's).
set -euo pipefail
cmd=${1:-}

wait_for() { # seconds, command...
  local deadline=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

case "$cmd" in
  start)
    [ "$(id -u)" = 0 ] || { echo "test-slurm.sh: must run as root (slurmd)" >&2; exit 1; }
    command -v slurmctld >/dev/null && command -v munged >/dev/null \
      || { echo "test-slurm.sh: slurm-wlm and munge are not installed (scripts/setup.sh --test)" >&2; exit 1; }
    dir=$(mktemp -d /tmp/hypersearch-slurm.XXXXXX)
    chmod 755 "$dir"
    mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log"
    # munged refuses a key or socket dir that others can write, and a socket dir others cannot enter;
    # it runs as the munge user.
    chown munge: "$dir/munge"; chmod 755 "$dir/munge"
    runuser -u munge -- mungekey -c -k "$dir/munge/munge.key" >/dev/null 2>&1
    runuser -u munge -- munged -S "$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
      --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed"
    host=$(hostname -s)
    base=$((40000 + RANDOM % 20000))
    cpus=$(nproc)
    cat >"$dir/slurm.conf" <<EOF
ClusterName=hypersearch-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$base
SlurmdPort=$((base + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
# Quick turns for the tests: a finished job leaves squeue within seconds, a killed one is not held.
MinJobAge=5
KillWait=5
SchedulerParameters=sched_interval=2
GresTypes=gpu
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus Gres=gpu:fake:2 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
EOF
    # Slurm wants a device file per GPU; two harmless character devices stand in for them.
    printf 'NodeName=%s Name=gpu Type=fake File=%s\n' "$host" /dev/null "$host" /dev/zero >"$dir/gres.conf"
    export SLURM_CONF=$dir/slurm.conf
    slurmctld -f "$SLURM_CONF"
    slurmd -f "$SLURM_CONF"
    if ! wait_for 60 bash -c "sinfo -h -N -o '%T' | grep -qx idle"; then
      echo "test-slurm.sh: the node did not become idle within 60 s; logs in $dir/log" >&2
      sinfo -N >&2 || true
      tail -20 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
      exit 1
    fi
    echo "export SLURM_CONF='$dir/slurm.conf'"
    echo "export HYPERSEARCH_TEST_SLURM='test'"
    echo "export HYPERSEARCH_TEST_SLURM_DIR='$dir'"
    ;;
  stop)
    dir=${2:-${HYPERSEARCH_TEST_SLURM_DIR:-}}
    [ -n "$dir" ] && [ -f "$dir/slurm.conf" ] || { echo "no cluster dir given (arg 2 or HYPERSEARCH_TEST_SLURM_DIR)" >&2; exit 1; }
    # Jobs first (their steps are slurmd's children), then the daemons, each by its own pid file.
    SLURM_CONF=$dir/slurm.conf scancel --user=root >/dev/null 2>&1 || true
    for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
      [ -f "$pidfile" ] || continue
      pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null || continue
      wait_for 15 bash -c "! kill -0 $pid" || kill -9 "$pid" 2>/dev/null || true
    done
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop [dir]" >&2
    exit 2
    ;;
esac
