#!/usr/bin/env bash
# Starts the sandbox as a new user would (npm start), logs in as every demo user of both Comuni and
# checks that each sees exactly their own area, that the TOP of each Comune finds one of its own
# residents in the simulated ANPR and is refused the other Comune, and that every file the sandbox
# wrote is private (0600, folders 0700). Then stops it. Uses a throw-away sandbox folder (GERES_SANDBOX_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT=${SMOKE_PORT:-3999}
export ANPR_SIM_PORT=${SMOKE_SIM_PORT:-3998}
export VISURE_PORT=${SMOKE_VISURE_PORT:-3997}
export CONSOLE_PORT=${SMOKE_CONSOLE_PORT:-3996}
export RIVESTIZIONE_PORT=${SMOKE_RIVESTIZIONE_PORT:-3995}
export GERES_SANDBOX_DIR=$(mktemp -d)
# In a process group of its own, so that stopping it stops npm and the sandbox under it, and nothing else
# (a developer's own `npm start` keeps running).
setsid npm start > /tmp/geres-smoke.log 2>&1 &
pid=$!
trap 'kill -- -$pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null || { cat /tmp/geres-smoke.log; exit 1; }
node --input-type=module -e '
  import { readFileSync, readdirSync, statSync } from "node:fs";
  import { join } from "node:path";
  const dir = process.env.GERES_SANDBOX_DIR;
  const creds = JSON.parse(readFileSync(`${dir}/credentials.json`, "utf8"));
  const base = `http://127.0.0.1:${process.env.PORT}`;
  // How many users each demo user sees in GET /v1/users: their own area and nothing else.
  const expected = {
    "072006": { TOP: ["top.bari", "admin.consorzio", "operatore.consorzio", "agente.pl"], ADMIN: 1, STANDARD: 1, STANDARDPS: 1 },
    "075035": { TOP: ["top.lecce", "admin.sociali.lecce", "operatore.sociali.lecce"], ADMIN: 1, STANDARD: 1 },
  };
  const comuni = creds.comuni.map((c) => c.codiceIstat);
  if (JSON.stringify(comuni) !== JSON.stringify(["072006", "075035"])) throw new Error(`credentials.json names the Comuni ${comuni}`);
  const tokens = {};
  for (const u of creds.users) {
    const login = await fetch(`${base}/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: u.username, password: u.password }) });
    if (login.status !== 200) throw new Error(`login ${u.username}: ${login.status}`);
    const { accessToken } = await login.json();
    tokens[u.username] = accessToken;
    const users = await (await fetch(`${base}/v1/users?pageSize=100`, { headers: { authorization: `Bearer ${accessToken}` } })).json();
    const want = expected[u.comune][u.role];
    if (Array.isArray(want)) {
      const seen = users.items.map((x) => x.username).sort();
      if (JSON.stringify(seen) !== JSON.stringify([...want].sort())) throw new Error(`${u.username} sees ${seen}, expected ${want}`);
    } else if (users.total !== want) throw new Error(`${u.username} sees ${users.total} users, expected ${want}`);
    console.log(`sandbox smoke: ${u.comune} ${u.role} ${u.username} logged in and sees ${users.total} user(s)`);
  }
  // One resident of each Comune, from the simulated ANPR catalogue.
  const catalogue = await (await fetch(`${creds.simulatorUrl}/catalogue`)).json();
  const cf = (key) => catalogue.entries.find((e) => e.key === key).codiceFiscale;
  const resident = { "072006": cf("demo-resident"), "075035": cf("homonyms-with-birthplace") };
  const search = (username, comune, codiceFiscale) =>
    fetch(`${base}/v1/persons/search`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens[username]}`, "content-type": "application/json" },
      body: JSON.stringify({ criterion: { type: "codiceFiscale", codiceFiscale }, sections: ["generalita", "residenza"], comune, motivoRichiesta: "Smoke test" }),
    });
  for (const [top, own, other] of [["top.bari", "072006", "075035"], ["top.lecce", "075035", "072006"]]) {
    const res = await search(top, own, resident[own]);
    const body = await res.json();
    if (res.status !== 200 || body.persons?.[0]?.residenza?.[0]?.indirizzo?.comune?.codiceIstat !== own) throw new Error(`${top} looking up a resident of ${own}: ${res.status} ${body.type ?? ""}`);
    console.log(`sandbox smoke: ${top} found a resident of ${own} in the simulated ANPR`);
    const refused = await search(top, other, resident[other]);
    if (refused.status !== 403) throw new Error(`${top} looking up a resident of ${other}: ${refused.status}, expected 403`);
    console.log(`sandbox smoke: ${top} is refused a resident of ${other}`);
  }
  // The visure service of npm start: a Visura di Residenza of a resident, sealed, verifiable byte for byte.
  const visure = `http://127.0.0.1:${process.env.VISURE_PORT}`;
  const asked = await fetch(`${visure}/v1/visure`, {
    method: "POST",
    headers: { authorization: `Bearer ${tokens["top.bari"]}`, "content-type": "application/json" },
    body: JSON.stringify({ type: "residenza", comune: "072006", motivoRichiesta: "Smoke test", criterion: { type: "codiceFiscale", codiceFiscale: resident["072006"] } }),
  });
  const visura = await asked.json();
  if (asked.status !== 201 || !visura.documentId) throw new Error(`visura di residenza: ${asked.status} ${JSON.stringify(visura).slice(0, 300)}`);
  const pdf = Buffer.from(await (await fetch(`${visure}/v1/visure/${visura.id}/document`, { headers: { authorization: `Bearer ${tokens["top.bari"]}` } })).arrayBuffer());
  if (pdf.subarray(0, 5).toString() !== "%PDF-") throw new Error("the visura document is not a PDF");
  console.log(`sandbox smoke: top.bari issued a Visura di Residenza (${pdf.length} bytes, document ${visura.documentId})`);
  // The rivestizione service: the operator of the Consorzio submits a list, the TOP validates it, the CSV comes back.
  const riv = `http://127.0.0.1:${process.env.RIVESTIZIONE_PORT}`;
  const rivCall = (user, path, init = {}) => fetch(`${riv}${path}`, { ...init, headers: { authorization: `Bearer ${tokens[user]}`, "content-type": "application/json", ...(init.headers ?? {}) } });
  const submitted = await rivCall("operatore.consorzio", "/v1/rivestizioni", {
    method: "POST",
    body: JSON.stringify({ comune: "072006", motivoRichiesta: "Smoke test", items: [{ type: "codiceFiscale", value: resident["072006"], reference: "R1" }] }),
  });
  const request = await submitted.json();
  if (submitted.status !== 201 || request.state !== "in_convalida") throw new Error(`rivestizione submit: ${submitted.status} ${JSON.stringify(request).slice(0, 300)}`);
  const approved = await rivCall("top.bari", `/v1/rivestizioni/${request.id}/approval`, { method: "POST" });
  if (approved.status !== 200) throw new Error(`rivestizione approval: ${approved.status} ${(await approved.text()).slice(0, 300)}`);
  let done;
  for (let i = 0; i < 120 && !done; i++) {
    const now = await (await rivCall("operatore.consorzio", `/v1/rivestizioni/${request.id}`)).json();
    if (now.state === "completata" || now.state === "completata_con_errori") done = now;
    else await new Promise((r) => setTimeout(r, 500));
  }
  if (done?.state !== "completata") throw new Error(`rivestizione did not complete: ${done?.state}`);
  const csv = await (await rivCall("operatore.consorzio", `/v1/rivestizioni/${request.id}/files/${done.files[0].id}`)).text();
  if (!csv.includes("R1") || csv.split(/\r?\n/).filter(Boolean).length !== 2) throw new Error(`rivestizione result: ${csv.slice(0, 200)}`);
  console.log(`sandbox smoke: a rivestizione of 1 row was validated by top.bari and its CSV downloaded (${done.files[0].sha256.slice(0, 12)}…)`);
  // The console of npm start answers its Italian login page.
  const page = await fetch(`http://127.0.0.1:${process.env.CONSOLE_PORT}/accedi`);
  const html = await page.text();
  if (page.status !== 200 || !html.includes("lang=\"it\"")) throw new Error(`console login page: ${page.status}`);
  console.log("sandbox smoke: the console serves its login page");
  // Keys, keystores, their passwords, the database and credentials.json: private to the user.
  const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [join(d, e.name), ...walk(join(d, e.name))] : [join(d, e.name)]));
  const loose = [dir, ...walk(dir)].filter((f) => (statSync(f).mode & 0o777) !== (statSync(f).isDirectory() ? 0o700 : 0o600));
  if (loose.length) throw new Error(`not private: ${loose.map((f) => `${f} ${(statSync(f).mode & 0o777).toString(8)}`).join(", ")}`);
  console.log(`sandbox smoke: all ${walk(dir).length} files of the sandbox folder are 0600, folders 0700`);
'
echo "sandbox smoke test passed"
