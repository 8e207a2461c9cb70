#!/usr/bin/env bash
# The baseline of LabVsScriptBench: the bench's lab staged by hand with the docker CLI, as
# a careful person would script it: the three DinD hosts started at once, each host's work
# (image load, network, volume, containers in order) begun as soon as that host answers.
# Certificates are made beforehand by the bench (as a person would keep them around).
#
#   lab-by-hand.sh up   PREFIX CERTS WEBPORT    stages the lab, waits until db is healthy
#   lab-by-hand.sh down PREFIX                  removes the hosts, their volumes, the network
set -euo pipefail
mode=$1 prefix=$2
image=portolan-test/dind app=portolan-test/busybox

if [[ $mode == down ]]; then
  docker rm -f "$prefix-front" "$prefix-apps" "$prefix-data" >/dev/null 2>&1 || true
  docker volume rm "$prefix-front-docker" "$prefix-apps-docker" "$prefix-data-docker" >/dev/null 2>&1 || true
  docker network rm "$prefix" >/dev/null 2>&1 || true
  exit 0
fi

certs=$3 webport=$4
docker network create "$prefix" >/dev/null
source "$(dirname "$0")/hosts-by-hand.sh"

front() {
  host front -p "127.0.0.1:$webport:80"; wait_for front; load front
  on front run -d --name web -p 80:80 "$app" sh -c "trap 'exit 0' TERM; httpd -f -p 80 -h /tmp & wait" >/dev/null
}
apps() {
  host apps; wait_for apps; load apps
  on apps network create backend >/dev/null
  on apps run -d --name api-1 --network backend "$app" sh -c "trap 'exit 0' TERM; sleep 3600 & wait" >/dev/null & one=$!
  on apps run -d --name api-2 --network backend "$app" sh -c "trap 'exit 0' TERM; sleep 3600 & wait" >/dev/null & two=$!
  wait "$one"; wait "$two"
}
data() {
  host data; wait_for data; load data
  on data volume create db-data >/dev/null
  on data run -d --name dbdata -v db-data:/data "$app" true >/dev/null
  on data run -d --name db --volumes-from dbdata --health-cmd true --health-interval 1s --health-retries 3 \
    "$app" sh -c "trap 'exit 0' TERM; sleep 3600 & wait" >/dev/null
  until [[ "$(on data inspect -f '{{.State.Health.Status}}' db)" == healthy ]]; do sleep 0.1; done
}

front & f=$!; apps & a=$!; data & d=$!
wait "$f"; wait "$a"; wait "$d"
