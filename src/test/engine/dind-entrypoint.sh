#!/bin/sh
# Entrypoint of portolan-test/dind, as the official docker:dind image does it:
# a fresh /run, the cgroup hierarchies writable, then dockerd with the given arguments.
set -e
mount -t tmpfs -o mode=755 tmpfs /run 2>/dev/null || true
mkdir -p /run/docker /var/run
# With cgroup v1 a container that is not privileged sees each hierarchy read-only, and
# a remount is refused as busy: mount each hierarchy afresh, writable, with its options.
if [ -d /sys/fs/cgroup ] && ! [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  for dir in /sys/fs/cgroup/*; do
    opts=$(grep " $dir cgroup " /proc/mounts | cut -d' ' -f4 | tr , '\n' \
      | grep -vE '^(ro|rw|nosuid|nodev|noexec|relatime)$' | paste -sd, -)
    [ -n "$opts" ] || continue
    grep -q " $dir cgroup ro," /proc/mounts || continue
    umount "$dir" && mount -t cgroup -o "rw,$opts" cgroup "$dir" || echo "dind: could not remount $dir" >&2
  done
fi
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  # cgroup v2: move ourselves out of the root group so controllers can be enabled.
  mkdir -p /sys/fs/cgroup/init
  xargs -rn1 < /sys/fs/cgroup/cgroup.procs > /sys/fs/cgroup/init/cgroup.procs 2>/dev/null || true
  sed -e 's/ / +/g' -e 's/^/+/' < /sys/fs/cgroup/cgroup.controllers > /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null || true
fi
[ "$#" -gt 0 ] || set -- --host=unix:///var/run/docker.sock
exec dockerd "$@"
