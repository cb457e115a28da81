'use strict';
// redactMany and redactManyAsync: the same results as redact, text by text, in
// input order, on any number of threads. Mirrors tests/python/test_batch.py.
const test = require('node:test');
const assert = require('node:assert/strict');
const phimask = require('phimask');
const { SSN_LIKE } = require('./engine_fixtures');

const { Engine } = phimask;
const defaultEngine = phimask.defaultEngine();
const ssnEngine = new Engine(SSN_LIKE);

const mixed = Array.from({ length: 120 }, (_, i) => {
  const text = `${['é', '😀', '中', '', 'x'][i % 5]} note ${i}: SSN ${String(100 + i)}-45-6789, (617) 555-01${String(i % 100).padStart(2, '0')}`;
  return i % 4 === 3 ? Buffer.from(text) : text;
});

for (const threads of [0, 1, 2, 7]) {
  test(`results in input order (threads ${threads})`, async () => {
    const expected = mixed.map((t) => defaultEngine.redact(t));
    assert.deepEqual(defaultEngine.redactMany(mixed, { threads }), expected);
    assert.deepEqual(await defaultEngine.redactManyAsync(mixed, { threads }), expected);
  });
}

test('mixed strings and Buffers keep their kinds', async () => {
  const results = await ssnEngine.redactManyAsync(['a 123-45-6789', Buffer.from('b 123-45-6789')]);
  assert.equal(results[0].text, 'a {US_SOCIAL_SECURITY_NUMBER}');
  assert.ok(Buffer.isBuffer(results[1].text));
  assert.equal(results[1].text.toString(), 'b {US_SOCIAL_SECURITY_NUMBER}');
});

test('empty batch and default options', async () => {
  assert.deepEqual(ssnEngine.redactMany([]), []);
  assert.deepEqual(await ssnEngine.redactManyAsync([]), []);
  assert.deepEqual(ssnEngine.redactMany(['x']).map((r) => r.text), ['x']);
  assert.deepEqual((await ssnEngine.redactManyAsync(['123-45-6789'])).map((r) => r.text), ['{US_SOCIAL_SECURITY_NUMBER}']);
});

test('default engine batch', async () => {
  const texts = ['SSN 123-45-6789', 'no PHI here'];
  const expected = ['SSN {US_SOCIAL_SECURITY_NUMBER}', 'no PHI here'];
  assert.deepEqual(phimask.redactMany(texts).map((r) => r.text), expected);
  assert.deepEqual((await phimask.redactManyAsync(texts, { threads: 2 })).map((r) => r.text), expected);
});

test('a bad item fails the call naming its index', async () => {
  const engine = new Engine(SSN_LIKE, { maxInputBytes: 20 });
  const texts = ['short 123-45-6789', 'a'.repeat(21), 'b'.repeat(30)];
  assert.throws(() => engine.redactMany(texts, { threads: 2 }), { name: 'InputError', message: /^texts\[1\]: / });
  await assert.rejects(engine.redactManyAsync(texts, { threads: 2 }), { name: 'InputError', message: /^texts\[1\]: / });
});

test('a large batch runs off the main thread', async () => {
  const texts = Array.from({ length: 4000 }, (_, i) => `row ${i} SSN 123-45-6789 mail a${i}@example.org`);
  let turns = 0;
  let done = false;
  const spin = () => {
    if (!done) {
      turns += 1;
      setImmediate(spin);
    }
  };
  setImmediate(spin);
  const results = await defaultEngine.redactManyAsync(texts, { threads: 2 });
  done = true;
  assert.equal(results.length, texts.length);
  assert.ok(results.every((r, i) => r.text === `row ${i} SSN {US_SOCIAL_SECURITY_NUMBER} mail {EMAIL}`));
  assert.ok(turns > 2, 'the event loop ran while the batch was scanned');
});
