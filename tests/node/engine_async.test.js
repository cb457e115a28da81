'use strict';
// The ...Async calls: same results as the sync calls, many at once, and the
// event loop keeps running while they scan.
const test = require('node:test');
const assert = require('node:assert/strict');
const phimask = require('phimask');
const { PLUGINS, SSN_LIKE, ssnPolicy, plain, gc } = require('./engine_fixtures');

const { Engine } = phimask;
const defaultEngine = phimask.defaultEngine();

const TEXTS = [
  'Pt Jane Roe, SSN 123-45-6789, call (617) 555-0142, seen 01/15/2023 😀 at 12 Elm Street.',
  'SSN １２３-４５-６７８９ and j.doe@example.org',
  'nothing to see',
  '',
  '患者 MRN: 12345678 visit ENC-20230115 👩\u200d⚕️',
];

test('redactAsync and detectAsync equal redact and detect', async () => {
  for (const text of [...TEXTS, ...TEXTS.map((t) => Buffer.from(t))]) {
    assert.deepEqual(await defaultEngine.redactAsync(text), defaultEngine.redact(text));
    assert.deepEqual(await defaultEngine.detectAsync(text), defaultEngine.detect(text));
    assert.deepEqual(await phimask.redactAsync(text), phimask.redact(text));
    assert.deepEqual(await phimask.detectAsync(text), phimask.detect(text));
  }
});

test('many concurrent promises settle with the right results', async () => {
  const engines = [defaultEngine, new Engine(PLUGINS), new Engine(SSN_LIKE)];
  const jobs = [];
  for (let i = 0; i < 600; i++) {
    const engine = engines[i % engines.length];
    const text = `${TEXTS[i % TEXTS.length]} #${i}`;
    const input = i % 2 === 0 ? text : Buffer.from(text);
    jobs.push({ engine, input, promise: i % 3 === 0 ? engine.detectAsync(input) : engine.redactAsync(input) });
  }
  const settled = await Promise.all(jobs.map((j) => j.promise));
  jobs.forEach((job, i) => {
    const expected = i % 3 === 0 ? job.engine.detect(job.input) : job.engine.redact(job.input);
    assert.deepEqual(settled[i], expected);
  });
});

test('the input is copied: changing a Buffer after the call does not change the result', async () => {
  const data = Buffer.from('SSN 123-45-6789 and 219-45-8832');
  const pending = defaultEngine.redactAsync(data);
  const batch = defaultEngine.redactManyAsync([data], { threads: 1 });
  data.fill(0x78);
  const expected = 'SSN {US_SOCIAL_SECURITY_NUMBER} and {US_SOCIAL_SECURITY_NUMBER}';
  assert.equal((await pending).text.toString(), expected);
  assert.equal((await batch)[0].text.toString(), expected);
});

test('the event loop stays responsive during a large redactAsync', async () => {
  const line = 'Pt Jane Roe, SSN 123-45-6789, call (617) 555-0142, seen 01/15/2023 at 12 Elm Street. ';
  const text = line.repeat(Math.ceil((2 << 20) / line.length)); // about 2 MB
  let turns = 0;
  let done = false;
  const spin = () => {
    if (done) return;
    turns += 1;
    setImmediate(spin);
  };
  setImmediate(spin);
  const result = await defaultEngine.redactAsync(text);
  done = true;
  assert.ok(turns > 2, `the event loop ran ${turns} times while scanning`);
  assert.equal(result.summary.counts.US_SOCIAL_SECURITY_NUMBER, Math.ceil((2 << 20) / line.length));
  assert.ok(!result.text.includes('123-45-6789'));
});

test('the engine stays alive while its work is pending', async () => {
  const pending = [];
  for (let i = 0; i < 50; i++) pending.push(new Engine(SSN_LIKE).redactAsync(`SSN 123-45-67${String(i).padStart(2, '0')}`));
  // The engines are now unreachable from JavaScript; a collection must not free them mid-scan.
  gc();
  for (const r of await Promise.all(pending)) assert.equal(r.text, 'SSN {US_SOCIAL_SECURITY_NUMBER}');
});

test('blocked async results have empty text of the input kind', async () => {
  const engine = new Engine(ssnPolicy({ actions: { US_SOCIAL_SECURITY_NUMBER: 'block' } }));
  const r = await engine.redactAsync('SSN 123-45-6789');
  assert.equal(r.text, '');
  assert.equal(r.blocked, true);
  const b = await engine.redactAsync(Buffer.from('SSN 123-45-6789'));
  assert.ok(Buffer.isBuffer(b.text) && b.text.length === 0 && b.blocked);
  assert.deepEqual(plain(r.summary), plain(b.summary));
});
