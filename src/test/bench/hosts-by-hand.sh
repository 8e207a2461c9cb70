# What both by-hand baselines share, sourced after PREFIX, CERTS, IMAGE and APP are set
# (prefix, certs, image, app): a DinD host with TLS on a 127.0.0.1 port, the docker CLI
# against one host, waiting for it, loading the app image into it.
caps=(--cap-add ALL --cap-drop SYS_RESOURCE --security-opt seccomp=unconfined --security-opt apparmor=unconfined
      --security-opt systempaths=unconfined)

# one host: a DinD container with TLS on a 127.0.0.1 port (more docker create flags after its name)
host() {
  local name=$1 extra=("${@:2}")
  docker create --name "$prefix-$name" --hostname "$name" --network "$prefix" "${caps[@]}" \
    -v "$prefix-$name-docker:/var/lib/docker" -p 127.0.0.1::2376 "${extra[@]}" "$image" \
    --host=unix:///var/run/docker.sock --host=tcp://0.0.0.0:2376 --tlsverify \
    --tlscacert=/certs/ca.pem --tlscert=/certs/cert.pem --tlskey=/certs/key.pem >/dev/null
  docker cp "$certs/server/." "$prefix-$name:/certs/" >/dev/null
  docker start "$prefix-$name" >/dev/null
}

# the docker CLI against one host, once it answers
on() {
  local name=$1; shift
  docker --tlsverify --tlscacert "$certs/client/ca.pem" --tlscert "$certs/client/cert.pem" \
    --tlskey "$certs/client/key.pem" -H "tcp://$(docker port "$prefix-$name" 2376 | head -1)" "$@"
}
wait_for() { until on "$1" version >/dev/null 2>&1; do sleep 0.05; done; }
load() { docker save "$app" | on "$1" load >/dev/null; }
