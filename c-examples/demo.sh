#!/usr/bin/env bash
# Runs the server/client flow with the C examples in $1 over loopback: the
# server starts on a free port and serves one client; the client connects,
# writes, reads the echo and closes. Both print each step as it happens.
set -euo pipefail
bin=$1
fifo=$(mktemp -u "${TMPDIR:-/tmp}/sockcore-demo.XXXXXX")
mkfifo "$fifo"
trap 'rm -f "$fifo"' EXIT

echo "== tcp_server 127.0.0.1:0 1   (serves one client, then exits)"
# tee shows the server's steps as they happen and copies them to the fifo,
# where its "listening on" line is the signal that the server is ready.
"$bin/tcp_server" 127.0.0.1:0 1 | tee "$fifo" &
server=$!
exec 3<"$fifo"
address=
while IFS= read -r line <&3; do
    case $line in
    *"listening on "*) address=${line##*listening on }; break ;;
    esac
done
[ -n "$address" ] || { echo "demo: the server did not start" >&2; exit 1; }

echo "== tcp_client $address"
"$bin/tcp_client" "$address" "hello from the C client"
wait "$server"
exec 3<&-
echo "== the C flow is done; now the same flow in Rust"
