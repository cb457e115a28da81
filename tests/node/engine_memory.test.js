'use strict';
// No leaks: process RSS stays bounded under repeated calls of every kind, and
// engines are freed once collected. Mirrors tests/python/test_memory.py.
const test = require('node:test');
const assert = require('node:assert/strict');
const phimask = require('phimask');
const { SSN_LIKE, gc } = require('./engine_fixtures');

const tick = () => new Promise((resolve) => setImmediate(resolve));
const rssMiB = () => process.memoryUsage().rss / (1 << 20);

/** Collects garbage and lets Node run the native finalizers, which it defers to the event loop. */
async function settle() {
  for (let i = 0; i < 3; i++) {
    gc();
    await tick();
  }
}

const TEXTS = [
  'Pt Jane Roe, SSN 123-45-6789, call (617) 555-0142, seen 01/15/2023 😀 at 12 Elm Street.',
  Buffer.from('SSN １２３-４５-６７８９ and j.doe@example.org'),
];

async function exercise(engine, rounds) {
  for (let round = 0; round < rounds; round++) {
    for (const text of TEXTS) {
      assert.ok(engine.redact(text).spans.length > 0);
      engine.detect(text);
    }
    engine.redactMany([...TEXTS, ...TEXTS], { threads: 2 });
    await Promise.all([engine.redactAsync(TEXTS[0]), engine.detectAsync(TEXTS[1])]);
    if (round % 10 === 0) await engine.redactManyAsync([...TEXTS, ...TEXTS], { threads: 2 });
    assert.throws(() => engine.redact('x \ud800'), phimask.InputError);
    await assert.rejects(engine.redactAsync('x \udc00'), phimask.InputError);
  }
}

test('repeated calls do not leak', async () => {
  const engine = phimask.defaultEngine();
  await exercise(engine, 300); // warm up pools, scratch, JIT and the heap
  await settle();
  const before = rssMiB();
  await exercise(engine, 3000); // about 27,000 calls (37,000 counting batch items)
  await settle();
  const grown = rssMiB() - before;
  // A leak of about 800 bytes a call would pass 20 MiB.
  assert.ok(grown < 20, `RSS grew by ${grown.toFixed(1)} MiB`);
});

test('engines are freed once collected', async () => {
  const bytes = phimask.defaultEngine().toBuffer();
  const sizeMiB = bytes.length / (1 << 20); // an engine in memory is at least its file
  const load = () => phimask.Engine.fromBuffer(bytes).redact('SSN 123-45-6789');
  load();
  await settle();
  const before = rssMiB();
  for (let i = 0; i < 60; i++) {
    load();
    if (i % 3 === 2) await settle();
  }
  await settle();
  const grown = rssMiB() - before;
  // Never freed, 60 engines would add at least 60 * sizeMiB; freed, a few at a time are alive.
  assert.ok(grown < 30 * sizeMiB, `RSS grew by ${grown.toFixed(1)} MiB (an engine file is ${sizeMiB.toFixed(1)} MiB)`);
  const small = [];
  const registry = new FinalizationRegistry((i) => small.push(i));
  for (let i = 0; i < 50; i++) registry.register(new phimask.Engine(SSN_LIKE), i);
  await settle();
  await settle();
  assert.ok(small.length > 40, `${small.length} of 50 engines were collected`);
});
