'use strict';
// Engine behaviour through Node; names follow tests/cpp/engine_test.cpp and tests/python/test_engine.py.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const phimask = require('phimask');
const { PLUGINS, SSN_LIKE, ssnPolicy } = require('./engine_fixtures');

const { Engine } = phimask;
const ssnEngine = new Engine(SSN_LIKE);

test('redacts the plugins from the README', () => {
  const engine = new Engine(PLUGINS);
  const r = engine.redact('Seen under MRN: 12345678 for visit ENC-20230115; MRN#9876543 too.');
  assert.equal(r.text, 'Seen under {MEDICAL_RECORD_NUMBER} for visit {ENCOUNTER_ID}; {MEDICAL_RECORD_NUMBER} too.');
  assert.deepEqual({ ...r.summary.counts }, { MEDICAL_RECORD_NUMBER: 2, ENCOUNTER_ID: 1 });
  assert.equal(r.summary.policyVersion, engine.policyVersion);
  assert.equal(r.blocked, false);
  assert.equal(r.summary.blocked, false);
});

test('redact with the default policy', () => {
  const r = phimask.defaultEngine().redact('Pt SSN 219-45-8832, call (617) 555-0142');
  assert.equal(r.text, 'Pt SSN {US_SOCIAL_SECURITY_NUMBER}, call {PHONE}');
  assert.deepEqual(
    r.spans.map((s) => [s.type, s.detector, s.action]),
    [
      ['US_SOCIAL_SECURITY_NUMBER', 'us_ssn', 'placeholder'],
      ['PHONE', 'phone', 'placeholder'],
    ],
  );
});

test('result text has the input kind', () => {
  assert.equal(ssnEngine.redact('a 123-45-6789 b').text, 'a {US_SOCIAL_SECURITY_NUMBER} b');
  const fromBuffer = ssnEngine.redact(Buffer.from('a 123-45-6789 b'));
  assert.ok(Buffer.isBuffer(fromBuffer.text));
  assert.equal(fromBuffer.text.toString(), 'a {US_SOCIAL_SECURITY_NUMBER} b');
  assert.equal(typeof ssnEngine.redact('x').text, 'string');
});

test('results, summaries and spans are frozen values', () => {
  const r = ssnEngine.redact('a 123-45-6789 b');
  for (const value of [r, r.spans, r.spans[0], r.summary, r.summary.counts, r.summary.blockingTypes]) {
    assert.ok(Object.isFrozen(value));
  }
  assert.throws(() => {
    'use strict';
    r.spans[0].start = 0;
  }, TypeError);
  assert.deepEqual(Object.keys(r.spans[0]), ['start', 'end', 'type', 'score', 'detector', 'action']);
  assert.deepEqual(Object.keys(r), ['text', 'spans', 'summary', 'blocked']);
  assert.deepEqual(Object.keys(r.summary), ['counts', 'policyVersion', 'blocked', 'blockingTypes']);
});

test('placeholder format is configurable', () => {
  const engine = new Engine(ssnPolicy({ placeholder_format: '[REDACTED:TYPE]' }));
  assert.equal(engine.redact('a 123-45-6789 b').text, 'a [REDACTED:US_SOCIAL_SECURITY_NUMBER] b');
});

test('mask keeps the last characters', () => {
  const engine = new Engine(
    ssnPolicy({ actions: { US_SOCIAL_SECURITY_NUMBER: { action: 'mask', char: '•', keep_last: 4 } } }),
  );
  const r = engine.redact('a 123-45-6789 b');
  assert.equal(r.text, 'a •••••••6789 b');
  assert.equal(r.spans[0].action, 'mask');
});

test('remove deletes the span', () => {
  const engine = new Engine(ssnPolicy({ actions: { default: 'remove' } }));
  assert.equal(engine.redact('a 123-45-6789 b').text, 'a  b');
});

test('hash is keyed, truncated, type-prefixed and deterministic', () => {
  const policy = ssnPolicy({ actions: { default: 'hash' }, hash: { length: 12 } });
  const one = new Engine(policy, { hashKey: 'key-one' });
  const oneAgain = new Engine(policy, { hashKey: Buffer.from('key-one') });
  const two = new Engine(policy, { hashKey: 'key-two' });
  const a = one.redact('123-45-6789').text;
  assert.ok(a.startsWith('{US_SOCIAL_SECURITY_NUMBER:'));
  assert.equal(a.length, '{US_SOCIAL_SECURITY_NUMBER:}'.length + 12);
  assert.equal(oneAgain.redact('123-45-6789').text, a);
  assert.notEqual(two.redact('123-45-6789').text, a);
  assert.equal(one.redact('123-45-6789').spans[0].action, 'hash');
});

test('hash without a key is refused', () => {
  assert.throws(() => new Engine(ssnPolicy({ actions: { default: 'hash' } })), phimask.HashKeyError);
  assert.throws(() => new Engine(ssnPolicy({ actions: { default: 'hash' } }), { hashKey: '' }), phimask.HashKeyError);
});

test('block returns no text and names only types', () => {
  const engine = new Engine(ssnPolicy({ actions: { US_SOCIAL_SECURITY_NUMBER: 'block' } }));
  const text = 'Patient SSN 123-45-6789 and 987-65-4321.';
  for (const input of [text, Buffer.from(text)]) {
    const r = engine.redact(input);
    assert.equal(r.blocked, true);
    assert.equal(r.summary.blocked, true);
    if (typeof input === 'string') assert.equal(r.text, '');
    else assert.ok(Buffer.isBuffer(r.text) && r.text.length === 0);
    assert.deepEqual([...r.summary.blockingTypes], ['US_SOCIAL_SECURITY_NUMBER']);
    assert.deepEqual({ ...r.summary.counts }, { US_SOCIAL_SECURITY_NUMBER: 2 });
    assert.ok(r.spans.every((s) => s.action === 'block'));
    assert.ok(!JSON.stringify(r).includes('123-45'));
  }
  const clean = engine.redact('nothing here');
  assert.equal(clean.blocked, false);
  assert.equal(clean.text, 'nothing here');
});

test('generalize turns a date into its year', () => {
  const engine = new Engine({
    packs: [],
    detectors: [{ name: 'date', type: 'DATE', pattern: '\\b\\d{2}/\\d{2}/\\d{4}\\b', score: 0.9 }],
    actions: { DATE: 'generalize' },
  });
  const r = engine.redact('seen 01/15/2023 again');
  assert.equal(r.text, 'seen 2023 again');
  assert.equal(r.spans[0].action, 'generalize');
});

test('redact keeps text outside spans', () => {
  // Invariant 3: Buffer input (invalid UTF-8 included) and string input, random mixes.
  let seed = 7;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const parts = ['123-45-6789', ' ', '\xff', 'é', '\u200b', 'abc', '\n', '😀', '\xc0', '-9'].map((p) =>
    p === '\xff' || p === '\xc0' ? Buffer.from([p.charCodeAt(0)]) : Buffer.from(p),
  );
  for (let round = 0; round < 300; round++) {
    const data = Buffer.concat(Array.from({ length: random(30) }, () => parts[random(parts.length)]));
    for (const item of [data, data.toString('utf8')]) {
      const r = ssnEngine.redact(item);
      const pieces = [];
      let pos = 0;
      for (const s of r.spans) {
        assert.ok(pos <= s.start);
        pieces.push(item.slice(pos, s.start), `{${s.type}}`);
        pos = s.end;
      }
      pieces.push(item.slice(pos));
      const rebuilt = typeof item === 'string' ? pieces.join('') : Buffer.concat(pieces.map((p) => Buffer.from(p)));
      assert.deepEqual(r.text, rebuilt);
    }
  }
});

test('detect matches redact spans', () => {
  const engine = phimask.defaultEngine();
  const text = 'SSN 123-45-6789, call (617) 555-0123 or mail j.doe@example.org on 01/15/2023.';
  assert.deepEqual(engine.detect(text), engine.redact(text).spans);
  assert.ok(Array.isArray(engine.detect(text)));
  assert.ok(engine.detect(text).length >= 3);
});

test('deterministic across engines and calls', () => {
  const engine = phimask.defaultEngine();
  const text = 'SSN 123-45-6789, call (617) 555-0123 or mail j.doe@example.org on 01/15/2023.';
  const expected = engine.redact(text);
  const copy = Engine.fromBuffer(engine.toBuffer());
  assert.deepEqual(copy.redact(text), expected);
  for (let i = 0; i < 200; i++) assert.deepEqual(engine.redact(text), expected);
});

test('empty and match-free inputs', () => {
  const engine = phimask.defaultEngine();
  assert.equal(engine.redact('').text, '');
  assert.deepEqual(engine.redact(Buffer.alloc(0)).text, Buffer.alloc(0));
  assert.deepEqual(engine.detect(''), []);
  assert.deepEqual(engine.detect(Buffer.alloc(0)), []);
  const r = engine.redact('no identifiers in this sentence.');
  assert.equal(r.text, 'no identifiers in this sentence.');
  assert.deepEqual(r.spans, []);
  assert.deepEqual({ ...r.summary.counts }, {});
});

test('policy from a path, a file URL or an object', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phimask-node-'));
  const file = path.join(dir, 'policy.json');
  fs.writeFileSync(file, JSON.stringify(PLUGINS));
  const byPath = new Engine(file);
  const byUrl = new Engine(pathToFileURL(file));
  const byObject = new Engine(PLUGINS);
  assert.equal(byPath.policyVersion, byObject.policyVersion);
  assert.equal(byUrl.policyVersion, byObject.policyVersion);
  assert.match(byObject.policyVersion, /^[0-9a-f]{16}$/);
  fs.rmSync(dir, { recursive: true });
});

test('entity types, detector names and inspect', () => {
  assert.deepEqual(ssnEngine.entityTypes, ['US_SOCIAL_SECURITY_NUMBER']);
  assert.deepEqual(ssnEngine.detectorNames, ['ssn_like']);
  assert.deepEqual(new Engine(PLUGINS).detectorNames, ['hospital_mrn', 'encounter_id']);
  const types = phimask.defaultEngine().entityTypes;
  assert.deepEqual(types, [...types].sort());
  assert.ok(types.includes('EMAIL') && types.includes('US_SOCIAL_SECURITY_NUMBER'));
  assert.equal(require('node:util').inspect(ssnEngine), `Engine { policyVersion: '${ssnEngine.policyVersion}' }`);
});

test('max input bytes is a limit in UTF-8 bytes', () => {
  const engine = new Engine(SSN_LIKE, { maxInputBytes: 4 });
  assert.equal(engine.redact('abcd').text, 'abcd');
  assert.throws(() => engine.redact('abcde'), phimask.InputError);
  assert.throws(() => engine.redact('éé€'), phimask.InputError); // 3 characters, 7 bytes
});
