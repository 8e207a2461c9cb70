#!/bin/sh
# Entrypoint of portolan-test/ssh-dind: a server reached with ssh://, an sshd in front of a
# Docker engine that listens on its unix socket only (group docker: root may use it, guest
# may not). AUTHORIZED_KEY: the public key both users accept; HOST_KEY: the server's
# ed25519 private key (made here when not given); NO_DOCKER=1: a server without the docker command.
set -e
# a socket left by the engine before a restart would end the wait below before dind-entrypoint
# has mounted its fresh /run (over /run/sshd)
rm -f /var/run/docker.sock
/usr/bin/dind-entrypoint --host=unix:///var/run/docker.sock --group=docker >/var/log/dockerd.log 2>&1 &
i=0
while [ ! -S /var/run/docker.sock ] && [ "$i" -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
mkdir -p /run/sshd /root/.ssh /home/guest/.ssh /etc/ssh
printf '%s\n' "$AUTHORIZED_KEY" >/root/.ssh/authorized_keys
cp /root/.ssh/authorized_keys /home/guest/.ssh/authorized_keys
chown -R 1000:1000 /home/guest
if [ -n "$HOST_KEY" ]; then
  printf '%s\n' "$HOST_KEY" >/etc/ssh/ssh_host_ed25519_key
else
  ssh-keygen -q -t ed25519 -N '' -f /etc/ssh/ssh_host_ed25519_key
fi
chmod 600 /etc/ssh/ssh_host_ed25519_key
if [ "$NO_DOCKER" = 1 ]; then rm -f /usr/bin/docker; fi
exec /usr/sbin/sshd -D -e
