'use strict';
// Offsets in the caller's unit: string indices (UTF-16 code units) for strings,
// byte offsets for Buffers. Mirrors tests/cpp/offsets_test.cpp and
// tests/python/test_offsets.py: text.slice(start, end) is always the matched text.
const test = require('node:test');
const assert = require('node:assert/strict');
const phimask = require('phimask');
const { SSN_LIKE } = require('./engine_fixtures');

const defaultEngine = phimask.defaultEngine();
const ssnEngine = new phimask.Engine(SSN_LIKE);

const PREFIXES = {
  ascii: 'Patient note: ',
  emoji: '😀🎉 note ',
  zwj_sequence: 'family 👩\u200d👩\u200d👧\u200d👦 note ',
  combining_marks: 'Jose\u0301 Zo\u0308e ',
  cjk: '患者の記録 ',
  nbsp: 'SSN:\u00a0',
  rtl: 'مريض ',
  astral_math: '𝐀𝐁𝐂 ',
};

function checkSlices(engine, text, expected) {
  assert.deepEqual(
    engine.detect(text).map((s) => [s.type, text.slice(s.start, s.end)]),
    expected,
  );
  const data = Buffer.from(text);
  assert.deepEqual(
    engine.detect(data).map((s) => [s.type, data.subarray(s.start, s.end).toString()]),
    expected,
  );
  assert.deepEqual(
    engine.redact(text).spans.map((s) => [s.type, text.slice(s.start, s.end)]),
    expected,
  );
}

for (const name of Object.keys(PREFIXES).sort()) {
  test(`slicing gives the matched text: ${name}`, () => {
    const text = `${PREFIXES[name]}SSN 123-45-6789, call 617-555-0123 é 👍`;
    checkSlices(defaultEngine, text, [
      ['US_SOCIAL_SECURITY_NUMBER', '123-45-6789'],
      ['PHONE', '617-555-0123'],
    ]);
  });
}

test('full-width digits are found and sliced', () => {
  const text = '😀 SSN １２３-４５-６７８９ on file';
  checkSlices(defaultEngine, text, [['US_SOCIAL_SECURITY_NUMBER', '１２３-４５-６７８９']]);
  assert.equal(defaultEngine.redact(text).text, '😀 SSN {US_SOCIAL_SECURITY_NUMBER} on file');
});

test('zero-width inside a match stays in the span', () => {
  const text = '👩\u200d⚕️ SSN 123-45\u200b-6789.';
  assert.deepEqual(
    defaultEngine.detect(text).map((s) => text.slice(s.start, s.end)),
    ['123-45\u200b-6789'],
  );
});

test('ASCII is identity', () => {
  const text = 'a 123-45-6789 b';
  const [s] = ssnEngine.detect(text);
  const [b] = ssnEngine.detect(Buffer.from(text));
  assert.deepEqual([s.start, s.end, b.start, b.end], [2, 13, 2, 13]);
});

test('string and Buffer offsets differ after non-ASCII', () => {
  const text = 'café ☕ SSN 123-45-6789.';
  const [s] = ssnEngine.detect(text);
  const [b] = ssnEngine.detect(Buffer.from(text));
  assert.deepEqual([s.start, s.end], [11, 22]);
  assert.deepEqual([b.start, b.end], [14, 25]);
});

test('astral characters count two UTF-16 units', () => {
  const text = '😀😀😀 SSN 123-45-6789';
  const [s] = ssnEngine.detect(text);
  assert.deepEqual([s.start, s.end], [11, 22]); // a Python str index would be 8
  const [b] = ssnEngine.detect(Buffer.from(text));
  assert.deepEqual([b.start, b.end], [17, 28]);
  assert.equal(ssnEngine.redact(text).text, '😀😀😀 SSN {US_SOCIAL_SECURITY_NUMBER}');
});

test('invalid UTF-8 bytes count one byte each', () => {
  const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(' SSN 123-45-6789 '), Buffer.from([0xc0])]);
  const r = ssnEngine.redact(data);
  assert.equal(r.spans.length, 1);
  assert.equal(data.subarray(r.spans[0].start, r.spans[0].end).toString(), '123-45-6789');
  assert.deepEqual(
    r.text,
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(' SSN {US_SOCIAL_SECURITY_NUMBER} '), Buffer.from([0xc0])]),
  );
});

test('a string holding U+FFFD itself is not mistaken for a lone surrogate', () => {
  const text = '\ufffd SSN 123-45-6789 \ufffd';
  const r = ssnEngine.redact(text);
  assert.equal(r.text, '\ufffd SSN {US_SOCIAL_SECURITY_NUMBER} \ufffd');
  assert.equal(text.slice(r.spans[0].start, r.spans[0].end), '123-45-6789');
});

test('surrogate pairs are not lone surrogates', () => {
  const text = '\ud83d\ude00 SSN 123-45-6789 \ud800\udc00';
  assert.equal(ssnEngine.redact(text).text, '😀 SSN {US_SOCIAL_SECURITY_NUMBER} 𐀀');
});

test('many spans in long mixed text', () => {
  const prefixes = Array.from({ length: 40 }, () => ['é', '😀', '中', '-', '\u0301']).flat();
  const pieces = prefixes.map((p, i) => `${p}${String(100 + i).padStart(3, '0')}-45-6789 `);
  const text = pieces.join('');
  const spans = ssnEngine.detect(text);
  assert.equal(spans.length, pieces.length);
  assert.ok(spans.every((s) => text.slice(s.start, s.end).endsWith('-45-6789')));
  const data = Buffer.from(text);
  const byteSpans = ssnEngine.detect(data);
  assert.ok(byteSpans.every((s) => data.subarray(s.start, s.end).toString().endsWith('-45-6789')));
});

test('async and batch calls use the same units', async () => {
  const text = '😀 café SSN 123-45-6789';
  const sync = ssnEngine.detect(text);
  assert.deepEqual(await ssnEngine.detectAsync(text), sync);
  assert.deepEqual((await ssnEngine.redactAsync(text)).spans, sync);
  const [fromString, fromBuffer] = await ssnEngine.redactManyAsync([text, Buffer.from(text)], { threads: 2 });
  assert.deepEqual(fromString.spans, sync);
  assert.deepEqual(fromBuffer.spans, ssnEngine.detect(Buffer.from(text)));
  assert.deepEqual(ssnEngine.redactMany([text])[0].spans, sync);
});
