#!/usr/bin/env bash
# Brings up what Portolan's tests need: a Docker engine that answers, and the two
# local test images (no registry is reachable on CI machines).
#
#   portolan-test/busybox  a tiny busybox rootfs (Debian's busybox-static), the workload
#   portolan-test/dind     Docker-in-Docker made of this engine's own binaries and libraries
#   portolan-test/ssh-dind the same with Debian's OpenSSH server in front: a server reached with ssh://
#
# When no engine answers and we may (CI=true, or root on Debian/Ubuntu), it installs
# Debian's docker.io, starts dockerd in the background and waits for it (bounded).
# On a laptop with Docker Desktop it uses that engine and installs nothing.
# Idempotent: images carry a hash of their recipe and are rebuilt only when it changes.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dockerd_log=/var/log/portolan-dockerd.log
dockerd_args=/var/log/portolan-dockerd.args
wait_seconds=${PORTOLAN_ENGINE_WAIT:-90}

log() { echo "[prepare-engine] $*"; }
die() { echo "[prepare-engine] ERROR: $*" >&2; exit 1; }

engine_answers() { timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

may_install() {
  [[ "${CI:-}" == "true" ]] && return 0
  [[ "$(id -u)" == "0" && -f /etc/debian_version ]]
}

install_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  [[ -x /bin/busybox ]] || missing+=(busybox-static)
  command -v docker >/dev/null || missing+=(docker.io)
  PATH=/usr/sbin:/sbin:$PATH command -v tc >/dev/null || missing+=(iproute2)
  [[ -x /usr/sbin/sshd ]] || missing+=(openssh-server)
  command -v ssh >/dev/null || missing+=(openssh-client)
  ((${#missing[@]} == 0)) && return 0
  log "installing ${missing[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" iptables ca-certificates >/dev/null
}

# A dockerd killed without a chance to clean up leaves pid files and sockets behind,
# and the next dockerd refuses to start until they are gone.
clear_leftovers() {
  pkill -x dockerd 2>/dev/null || true
  pkill -x containerd 2>/dev/null || true
  for _ in $(seq 1 20); do pgrep -x dockerd >/dev/null || pgrep -x containerd >/dev/null || break; sleep 0.5; done
  pkill -9 -x dockerd 2>/dev/null || true
  pkill -9 -x containerd 2>/dev/null || true
  rm -f /var/run/docker.pid /var/run/docker.sock /run/docker/containerd/containerd.pid
}

start_dockerd() {
  local extra=("$@")
  clear_leftovers
  log "starting dockerd ${extra[*]:-} (log: $dockerd_log)"
  if ((${#extra[@]})); then printf '%s\n' "${extra[@]}" >"$dockerd_args"; else : >"$dockerd_args"; fi
  setsid nohup dockerd "${extra[@]}" >>"$dockerd_log" 2>&1 < /dev/null &
  local deadline=$((SECONDS + wait_seconds))
  while ((SECONDS < deadline)); do
    engine_answers && { log "dockerd answers after $((SECONDS - deadline + wait_seconds)) s"; return 0; }
    pgrep -x dockerd >/dev/null || break
    sleep 1
  done
  log "dockerd did not answer; the end of its log:"
  tail -n 40 "$dockerd_log" >&2 || true
  return 1
}

ensure_engine() {
  if engine_answers; then
    log "engine answers: $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"
    return 0
  fi
  may_install || die "no Docker engine answers. Start Docker Desktop (or dockerd) and run this again."
  install_packages
  start_dockerd || start_dockerd --iptables=false --ip6tables=false \
    || die "dockerd would not start; see $dockerd_log"
}

recipe_hash() { cat "$@" | sha256sum | cut -c1-16; }

image_is_current() {
  local image=$1 hash=$2
  [[ "$(docker image inspect -f '{{index .Config.Labels "dev.portolan.recipe"}}' "$image" 2>/dev/null)" == "$hash" ]]
}

build_busybox() {
  local image=portolan-test/busybox hash
  hash=$(recipe_hash "${BASH_SOURCE[0]}" /bin/busybox)
  image_is_current "$image" "$hash" && { log "$image is up to date"; return 0; }
  [[ -x /bin/busybox ]] || die "/bin/busybox is missing: install Debian's busybox-static"
  local root; root=$(mktemp -d)
  mkdir -p "$root"/{bin,etc,tmp,var/www,root}
  cp /bin/busybox "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [[ "$applet" == busybox ]] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  echo '<h1>Hello from Portolan</h1>' >"$root/var/www/index.html"
  tar -C "$root" -c . | docker import \
    --change 'CMD ["sh"]' --change 'ENV PATH=/bin' \
    --change "LABEL dev.portolan.recipe=$hash" - "$image" >/dev/null
  rm -rf "$root"
  log "built $image"
}

# Copies a binary and every shared library it needs into the rootfs.
copy_with_libs() {
  local root=$1 bin=$2 target=${3:-$2}
  mkdir -p "$root$(dirname "$target")"
  cp -L "$bin" "$root$target"
  # a static binary (docker-init) has no libraries: ldd says so and fails, which is fine
  { ldd "$bin" 2>/dev/null || true; } | { grep -oE '/[^ ]+' || true; } | while read -r lib; do
    [[ -e "$root$lib" ]] || { mkdir -p "$root$(dirname "$lib")"; cp -L "$lib" "$root$lib"; }
  done
}

# tc: hosts probe the kernel for netem (latency faults) with it, as the official image's
# iproute2 does; busybox's tc cannot add a qdisc.
# docker-init: the official image has it, for containers run with init: true (compose's init).
dind_bins=(dockerd containerd containerd-shim-runc-v2 runc docker-proxy docker docker-init xtables-nft-multi tc)

dind_paths() {
  for b in "${dind_bins[@]}"; do
    PATH=/usr/sbin:/usr/bin:/sbin:/bin command -v "$b" || die "$b not found: install Debian's docker.io and iproute2"
  done
}

build_dind() {
  local image=portolan-test/dind hash paths
  mapfile -t paths < <(dind_paths)
  hash=$(recipe_hash "${BASH_SOURCE[0]}" "$here/dind-entrypoint.sh" "${paths[@]}")
  image_is_current "$image" "$hash" && { log "$image is up to date"; return 0; }
  local root; root=$(mktemp -d)
  dind_rootfs "$root" "${paths[@]}"
  tar -C "$root" -c . | docker import \
    --change 'ENTRYPOINT ["/usr/bin/dind-entrypoint"]' \
    --change 'CMD []' \
    --change 'ENV PATH=/usr/bin:/usr/sbin:/bin' \
    --change 'VOLUME /var/lib/docker' \
    --change 'EXPOSE 2376' \
    --change "LABEL dev.portolan.recipe=$hash" - "$image" >/dev/null
  rm -rf "$root"
  log "built $image"
}

# The DinD image's files, in $1: the engine's binaries with their libraries, iptables, busybox.
dind_rootfs() {
  local root=$1; shift
  local paths=("$@")
  mkdir -p "$root"/{bin,usr/bin,usr/sbin,etc,tmp,run,var/lib/docker,certs,root}
  for p in "${paths[@]}"; do copy_with_libs "$root" "$p" "/usr/bin/$(basename "$p")"; done
  # iptables: one multi-call binary, its extensions and the names dockerd looks for.
  local xt; xt=$(realpath "$(dirname "$(ldd "$(command -v xtables-nft-multi)" | grep -oE '/[^ ]*libxtables[^ ]*' | head -1)")/xtables")
  [[ -d "$xt" ]] && { mkdir -p "$root$xt"; cp -r "$xt/." "$root$xt/"; for so in "$xt"/*.so; do copy_with_libs "$root" "$so"; done; }
  for name in iptables iptables-save iptables-restore ip6tables ip6tables-save ip6tables-restore; do
    ln -sf xtables-nft-multi "$root/usr/bin/$name"
  done
  cp /bin/busybox "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [[ -e "$root/bin/$applet" || -e "$root/usr/bin/$applet" ]] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$root/etc/passwd"
  printf 'root:x:0:\ndocker:x:999:\n' >"$root/etc/group"
  printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"
  install -m 0755 "$here/dind-entrypoint.sh" "$root/usr/bin/dind-entrypoint"
}

# A server as ssh:// reaches it: Debian's sshd in front of the DinD engine (on its unix
# socket only). root may use the engine; guest may log in but is not in the docker group.
build_ssh_dind() {
  local image=portolan-test/ssh-dind hash paths
  mapfile -t paths < <(dind_paths)
  if [[ ! -x /usr/sbin/sshd ]] && may_install; then
    log "installing openssh-server from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssh-server openssh-client >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssh-server openssh-client >/dev/null; }
  fi
  [[ -x /usr/sbin/sshd ]] || { log "no sshd here: $image is not built and the ssh tests are skipped"; return 0; }
  hash=$(recipe_hash "${BASH_SOURCE[0]}" "$here/dind-entrypoint.sh" "$here/ssh-entrypoint.sh" "${paths[@]}" /usr/sbin/sshd)
  image_is_current "$image" "$hash" && { log "$image is up to date"; return 0; }
  local root; root=$(mktemp -d)
  dind_rootfs "$root" "${paths[@]}"
  copy_with_libs "$root" /usr/sbin/sshd
  copy_with_libs "$root" "$(command -v ssh-keygen)" /usr/bin/ssh-keygen
  mkdir -p "$root"/{etc/ssh,home/guest,var/empty,var/log}
  printf 'root:x:0:0:root:/root:/bin/sh\nsshd:x:100:65534::/run/sshd:/bin/false\nguest:x:1000:1000::/home/guest:/bin/sh\n' >"$root/etc/passwd"
  printf 'root:*:19000:0:99999:7:::\nsshd:*:19000:0:99999:7:::\nguest:*:19000:0:99999:7:::\n' >"$root/etc/shadow"
  chmod 600 "$root/etc/shadow"
  printf 'root:x:0:\ndocker:x:999:\nguest:x:1000:\nnogroup:x:65534:\n' >"$root/etc/group"
  cat >"$root/etc/ssh/sshd_config" <<'CONFIG'
Port 22
HostKey /etc/ssh/ssh_host_ed25519_key
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
AuthorizedKeysFile .ssh/authorized_keys
PidFile /run/sshd.pid
CONFIG
  install -m 0755 "$here/ssh-entrypoint.sh" "$root/usr/bin/ssh-entrypoint"
  tar -C "$root" -c . | docker import \
    --change 'ENTRYPOINT ["/usr/bin/ssh-entrypoint"]' \
    --change 'CMD []' \
    --change 'ENV PATH=/usr/bin:/usr/sbin:/bin' \
    --change 'VOLUME /var/lib/docker' \
    --change 'EXPOSE 22' \
    --change "LABEL dev.portolan.recipe=$hash" - "$image" >/dev/null
  rm -rf "$root"
  log "built $image"
}

# --restart: stops the dockerd this script started as a laptop's engine stops (SIGTERM: it
# stops its containers, giving each its stop timeout), then starts it again with the same
# arguments. Exit 3 where this script did not start the engine (Docker Desktop): the tests
# that restart the engine are skipped there.
restart_engine() {
  [[ -f "$dockerd_args" && "$(id -u)" == "0" ]] && pgrep -x dockerd >/dev/null \
    || { log "this engine was not started by this script; not restarting it"; exit 3; }
  local args=(); mapfile -t args <"$dockerd_args"
  log "stopping dockerd (SIGTERM)"
  pkill -TERM -x dockerd
  for _ in $(seq 1 180); do pgrep -x dockerd >/dev/null || break; sleep 0.5; done
  start_dockerd "${args[@]}" || die "dockerd would not start again; see $dockerd_log"
}

if [[ "${1:-}" == "--restart" ]]; then
  restart_engine
  exit 0
fi

ensure_engine
build_busybox
build_dind
build_ssh_dind
log "ready: $(docker version --format 'engine {{.Server.Version}}, API {{.Server.APIVersion}}')"
