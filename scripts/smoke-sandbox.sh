#!/usr/bin/env bash
# Starts the sandbox as a new user would (npm start), logs in as every demo user and checks what
# each sees, then stops it. Uses a throw-away sandbox folder (GERES_SANDBOX_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT=${SMOKE_PORT:-3999}
export ANPR_SIM_PORT=${SMOKE_SIM_PORT:-3998}
export GERES_SANDBOX_DIR=$(mktemp -d)
# In a process group of its own, so that stopping it stops npm and the sandbox under it, and nothing else
# (a developer's own `npm start` keeps running).
setsid npm start > /tmp/geres-smoke.log 2>&1 &
pid=$!
trap 'kill -- -$pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null || { cat /tmp/geres-smoke.log; exit 1; }
node --input-type=module -e '
  import { readFileSync } from "node:fs";
  const creds = JSON.parse(readFileSync(`${process.env.GERES_SANDBOX_DIR}/credentials.json`, "utf8"));
  const base = `http://127.0.0.1:${process.env.PORT}`;
  const expected = { TOP: 4, ADMIN: 1, STANDARD: 1, STANDARDPS: 1 };
  for (const u of creds.users) {
    const login = await fetch(`${base}/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: u.username, password: u.password }) });
    if (login.status !== 200) throw new Error(`login ${u.username}: ${login.status}`);
    const { accessToken } = await login.json();
    const users = await (await fetch(`${base}/v1/users`, { headers: { authorization: `Bearer ${accessToken}` } })).json();
    if (users.total !== expected[u.role]) throw new Error(`${u.username} sees ${users.total} users, expected ${expected[u.role]}`);
    console.log(`sandbox smoke: ${u.role} ${u.username} logged in and sees ${users.total} user(s)`);
  }
'
echo "sandbox smoke test passed"
