'use strict';
// Parses JSON5 cases with the json5 package the reference resolves, one per
// NDJSON line {"id":N,"src":"..."} on stdin, and writes one NDJSON result
// line per case: {"id":N,"ok":true,"v":CANON} or {"id":N,"ok":false,"err":"..."}.
// CANON keeps what JSON cannot carry: numbers are {"n":"<float64 bits, hex>"}
// (or {"n":"NaN"}), objects are {"o":[[key,value],...]} in property order;
// errors carry the reference's line and column (UTF-16 units, LF lines).
// strictDiffers is set when JSON.parse accepts the input and reads it
// differently from JSON5.parse.
// The first line written is {"version":"<json5 version>"}.
const { createRequire } = require('module');
const path = require('path');
const readline = require('readline');

const from = createRequire(path.join(process.argv[2], 'package.json'));
const JSON5 = from('json5');
const version = from('json5/package.json').version;

const bits = new DataView(new ArrayBuffer(8));
function canon(v) {
  if (v === null) return null;
  switch (typeof v) {
    case 'boolean':
    case 'string':
      return v;
    case 'number':
      if (Number.isNaN(v)) return { n: 'NaN' };
      bits.setFloat64(0, v);
      return { n: bits.getBigUint64(0).toString(16) };
    case 'object':
      if (Array.isArray(v)) return v.map(canon);
      return { o: Object.keys(v).map((k) => [k, canon(v[k])]) };
  }
  return { bad: typeof v };
}

process.stdout.write(JSON.stringify({ version }) + '\n');
let out = [];
function flush() {
  if (out.length) {
    process.stdout.write(out.join('\n') + '\n');
    out = [];
  }
}
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (line === '') return;
  const c = JSON.parse(line);
  let r;
  try {
    r = { id: c.id, ok: true, v: canon(JSON5.parse(c.src)) };
  } catch (e) {
    r = { id: c.id, ok: false, err: String(e && e.message), line: e && e.lineNumber, col: e && e.columnNumber };
  }
  // 2026.9.6 tries JSON.parse before JSON5: both must read valid JSON alike.
  let strict;
  try {
    strict = JSON.stringify(canon(JSON.parse(c.src)));
  } catch (e) {
    strict = undefined;
  }
  if (strict !== undefined && (!r.ok || strict !== JSON.stringify(r.v))) r.strictDiffers = true;
  out.push(JSON.stringify(r));
  if (out.length >= 256 || c.flush) flush();
});
rl.on('close', flush);
