'use strict';
// StreamRedactor / StreamRestorer, redactChunks / restoreChunks and the chunk
// Transforms (mirrors tests/cpp/stream_test.cpp). Every value is synthetic.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Readable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const phimask = require('phimask');

const { Engine, Vault, StreamRedactor, StreamRestorer } = phimask;
const NOTE =
  'Patient: Maria Gonzalez (DOB 03/14/1962), MRN: 4471-2290-13, seen by Dr. Alan Whitfield.\n' +
  'Care team: Dr. Priya Raman, Okafor and Tran. Call (617) 555-0142; SSN 219-45-8832.\n' +
  'Email maria.gonzalez@example.org. Lives at 1842 Maple Avenue, Springfield, IL 62704.\n' +
  'Tel. ６１７-５５５-０１４２ — fecha 15/01/2023, café con Lucía Fernández 😀. ';
const tokens = new Engine({ packs: ['us_core', 'us_names'], actions: { default: 'token' } });

/** `text` in pieces of `size` code points (a JavaScript string cannot hold half of a surrogate pair as text). */
function pieces(text, size) {
  const points = [...text];
  const out = [];
  for (let k = 0; k < points.length; k += size) out.push(points.slice(k, k + size).join(''));
  return out;
}

async function collect(iterable) {
  const out = [];
  for await (const piece of iterable) out.push(piece);
  return out;
}

test('every two-piece split equals block mode', () => {
  const points = [...(NOTE + NOTE)];
  const expected = phimask.redact(points.join('')).text;
  for (let k = 0; k <= points.length; k++) {
    const stream = new StreamRedactor();
    const [head, tail] = [points.slice(0, k).join(''), points.slice(k).join('')];
    assert.equal(stream.push(head) + stream.push(tail) + stream.finish(), expected, `split at ${k}`);
  }
});

test('chunks of any size, as strings or Buffers, equal block mode and respect the hold-back', () => {
  const text = NOTE.repeat(3);
  const expected = phimask.redact(text).text;
  for (const size of [1, 3, 16, 4096]) {
    const stream = new StreamRedactor();
    let out = '';
    for (const piece of pieces(text, size)) {
      out += stream.push(piece);
      assert.ok(stream.heldBytes <= StreamRedactor.maxHoldBack());
    }
    assert.equal(out + stream.finish(), expected);
    assert.deepEqual({ ...stream.counts }, { ...phimask.redact(text).summary.counts });
  }
  const bytes = Buffer.from(text);
  const stream = new StreamRedactor();
  const parts = [];
  for (let k = 0; k < bytes.length; k += 5) parts.push(stream.push(bytes.subarray(k, k + 5)));
  parts.push(stream.finish());
  assert.ok(parts.every(Buffer.isBuffer));
  assert.equal(Buffer.concat(parts).toString(), expected);
  assert.ok(StreamRedactor.maxHoldBack() <= 256);
});

test('a vault numbers tokens as block mode and restoreChunks puts them back split anywhere', async () => {
  const blockVault = new Vault();
  const streamVault = new Vault();
  const expected = tokens.redact(NOTE, { vault: blockVault }).text;
  const redacted = (await collect(phimask.redactChunks(pieces(NOTE, 7), { engine: tokens, vault: streamVault }))).join('');
  assert.equal(redacted, expected);
  assert.equal(streamVault.size, blockVault.size);
  const answer = 'Ask {NAME_1} to call { phone_1 } before {DATE_\n1}; not {NAME_9}. {unfinished';
  const whole = streamVault.restore(answer);
  for (let size = 1; size <= answer.length; size++) {
    const restorer = new StreamRestorer(streamVault);
    let out = '';
    for (const piece of pieces(answer, size)) out += restorer.push(piece);
    assert.equal(out + restorer.finish(), whole.text);
    assert.equal(restorer.restored, whole.restored);
    assert.deepEqual([...restorer.unknown], [...whole.unknown]);
  }
  assert.equal((await collect(phimask.restoreChunks(async function* () { yield 'Hi {NA'; yield 'ME_1}'; }(), streamVault))).join(''),
    streamVault.restore('Hi {NAME_1}').text);
});

test('Transforms redact and restore byte streams, even with characters split across chunks', async () => {
  const bytes = Buffer.from(NOTE.repeat(4));
  const chunks = [];
  for (let k = 0; k < bytes.length; k += 3) chunks.push(bytes.subarray(k, k + 3));
  const out = [];
  await pipeline(Readable.from(chunks), phimask.createChunkRedactStream(), async function* (source) {
    for await (const c of source) out.push(c);
  });
  assert.equal(Buffer.concat(out).toString(), phimask.redact(NOTE.repeat(4)).text);

  const vault = new Vault();
  const prompt = tokens.redact('Remind Maria Gonzalez to call 617-555-0142.', { vault }).text;
  assert.equal(prompt, 'Remind {NAME_1} to call {PHONE_1}.');
  const restored = [];
  await pipeline(Readable.from(['Hi {NAME', '_1}, call {PH', 'ONE_1}.']), phimask.createRestoreStream(vault), async function* (source) {
    for await (const c of source) restored.push(c);
  });
  assert.equal(Buffer.concat(restored).toString(), 'Hi Maria Gonzalez, call 617-555-0142.');
});

test('a large chunk is handled in slices and equals block mode', async () => {
  const text = NOTE.repeat(2000); // about 700 KB
  assert.equal((await collect(phimask.redactChunks([text]))).join(''), phimask.redact(text).text);
});

test('a blocked stream rejects with BlockedError and emits nothing from the value on', async () => {
  const engine = new Engine({ packs: ['us_core'], actions: { US_SOCIAL_SECURITY_NUMBER: 'block' } });
  const text = 'x'.repeat(300) + ' SSN 219-45-8832 ' + 'y'.repeat(300);
  const out = [];
  await assert.rejects(async () => {
    for await (const piece of phimask.redactChunks(pieces(text, 7), { engine })) out.push(piece);
  }, (error) => error instanceof phimask.BlockedError && error.code === 'PHIMASK_BLOCKED' &&
    error.types.join() === 'US_SOCIAL_SECURITY_NUMBER' && !error.message.includes('219'));
  assert.ok(!out.join('').includes('219') && !out.join('').includes('y'));
  await assert.rejects(pipeline(Readable.from([text]), phimask.createChunkRedactStream({ engine }), async function* (s) {
    for await (const c of s) assert.ok(!c.toString().includes('219'));
  }), phimask.BlockedError);
});

test('bad arguments and use after finish', () => {
  assert.throws(() => new StreamRedactor({ engine: {} }), TypeError);
  assert.throws(() => new StreamRedactor({ vault: 'v' }), TypeError);
  assert.throws(() => new StreamRestorer(), TypeError);
  const stream = new StreamRedactor();
  assert.throws(() => stream.push(42), TypeError);
  stream.finish();
  assert.throws(() => stream.push('more'), phimask.InputError);
});
