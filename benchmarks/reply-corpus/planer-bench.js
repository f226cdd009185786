// planer (npm, lever/planer) in process over the same JSON Lines `compersion parse --batch` reads:
// every body through planer.extractFrom(body, 'text/plain'), timed after one warm-up pass.
//   npm install --prefix /tmp/planer-bench planer@1.2.0
//   NODE_PATH=/tmp/planer-bench/node_modules node planer-bench.js < /tmp/batch.jsonl
const planer = require('planer');
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter(line => line.length > 0);
const bodies = lines.map(line => JSON.parse(line).body);
for (const body of bodies.slice(0, 212)) planer.extractFrom(body, 'text/plain');
const start = process.hrtime.bigint();
let characters = 0;
for (const body of bodies) characters += planer.extractFrom(body, 'text/plain').length;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`${bodies.length} messages in ${seconds.toFixed(3)} s: ${Math.round(bodies.length / seconds)} messages/s in process (${characters} characters out)`);
