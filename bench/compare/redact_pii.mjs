// redact-pii for bench/compare: one JSON request per stdin line, one JSON answer per stdout line.
// Timing happens here, so the pipe costs redact-pii nothing.
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

const require = createRequire(process.env.NODE_PATH + '/');
const { SyncRedactor } = require('redact-pii');
const version = require('redact-pii/package.json').version;
const redactor = new SyncRedactor();

const utf8Bytes = (texts) => texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

function throughput(texts, budget) {
  for (const t of texts.slice(0, 20)) redactor.redact(t); // warm-up
  let bytes = 0;
  let calls = 0;
  const start = process.hrtime.bigint();
  let seconds = 0;
  for (const t of texts) {
    redactor.redact(t);
    bytes += Buffer.byteLength(t);
    calls += 1;
    seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (seconds >= budget) break;
  }
  return { bytes, seconds, calls };
}

function latencies(texts) {
  for (const t of texts.slice(0, 20)) redactor.redact(t);
  return texts.map((t) => {
    const start = process.hrtime.bigint();
    redactor.redact(t);
    return Number(process.hrtime.bigint() - start) / 1e9;
  });
}

for await (const line of createInterface({ input: process.stdin })) {
  const request = JSON.parse(line);
  let answer;
  if (request.op === 'version') answer = { version };
  else if (request.op === 'redact') answer = { texts: request.texts.map((t) => redactor.redact(t)) };
  else if (request.op === 'throughput') answer = throughput(request.texts, request.budget);
  else if (request.op === 'latencies') answer = { seconds: latencies(request.texts) };
  else answer = { error: `unknown op ${request.op}` };
  process.stdout.write(JSON.stringify(answer) + '\n');
}
