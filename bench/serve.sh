#!/usr/bin/env bash
# The living record under load: ingest the GVA corpus one report at a time into a new store
# (reports/s, p50/p99 per report), then serve it on loopback and load the story pages with
# 50 concurrent clients (p50/p99 latency), bounded in count and time.
#
# Usage: bash bench/serve.sh [GVA_DIR]   (default ../shared/data/gva-semeval2018t5-incidents)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/gva-semeval2018t5-incidents}
if [ ! -f "$data/gva_incidents.jsonl" ]; then
  echo "dataset not found at $data; skipping"
  exit 0
fi
work=$(mktemp -d)
cargo build --release --quiet -p corroborate
bin=target/release/corroborate
$bin eval ingest --data "$data" --db "$work/gva.db"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
$bin serve --db "$work/gva.db" --port "$port" --rate 1000000 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
$bin eval load --port "$port" --clients 50 --requests 5000 --seconds 60
