#!/usr/bin/env bash
# The baseline of SwarmBench: a three-node Swarm and a service of six replicas, staged by hand
# with the docker CLI as a careful person would script it: the three DinD hosts (TLS) started
# at once, each loaded with the image as soon as it answers, the Swarm started on the manager,
# the workers joined with its token, the service created, and the script waits for 6/6.
#
#   swarm-by-hand.sh up   PREFIX CERTS     stages it, waits until the six tasks run
#   swarm-by-hand.sh down PREFIX           removes the hosts, their volumes, the network
set -euo pipefail
mode=$1 prefix=$2
image=portolan-test/dind app=portolan-test/busybox

if [[ $mode == down ]]; then
  docker rm -f "$prefix-manager" "$prefix-worker1" "$prefix-worker2" >/dev/null 2>&1 || true
  docker volume rm "$prefix-manager-docker" "$prefix-worker1-docker" "$prefix-worker2-docker" >/dev/null 2>&1 || true
  docker network rm "$prefix" >/dev/null 2>&1 || true
  exit 0
fi

certs=$3
docker network create "$prefix" >/dev/null
source "$(dirname "$0")/hosts-by-hand.sh"
address() { docker inspect -f "{{(index .NetworkSettings.Networks \"$prefix\").IPAddress}}" "$prefix-$1"; }

manager() {
  host manager; wait_for manager; load manager &
  on manager swarm init --advertise-addr "$(address manager)" >/dev/null
  on manager swarm join-token -q worker > "$tokens/worker"
  wait
}
worker() {
  host "$1"; wait_for "$1"; load "$1"
  until [[ -s "$tokens/worker" ]]; do sleep 0.05; done
  on "$1" swarm join --token "$(cat "$tokens/worker")" "$(address manager):2377" >/dev/null
}

tokens=$(mktemp -d)
manager & m=$!; worker worker1 & a=$!; worker worker2 & b=$!
wait "$m"; wait "$a"; wait "$b"
rm -rf "$tokens"
on manager service create -d --name web --replicas 6 "$app" sh -c "trap 'exit 0' TERM; sleep 3600 & wait" >/dev/null
until [[ "$(on manager service ls --filter name=web --format '{{.Replicas}}')" == "6/6" ]]; do sleep 0.1; done
