'use strict';
// Errors: one class per core error code, policy pointers, TypeErrors that name
// the call, and no input text in any message. Mirrors tests/python/test_errors.py.
const test = require('node:test');
const assert = require('node:assert/strict');
const os = require('node:os');
const path = require('node:path');
const phimask = require('phimask');
const { SECRET, SSN_LIKE, assertNoSecret, ssnPolicy } = require('./engine_fixtures');

const { Engine } = phimask;
const ssnEngine = new Engine(SSN_LIKE);

test('hierarchy and codes', () => {
  const expected = {
    PolicyError: 'PHIMASK_POLICY',
    InputError: 'PHIMASK_INPUT',
    EngineFileError: 'PHIMASK_ENGINE_FILE',
    HashKeyError: 'PHIMASK_KEY',
    FileError: 'PHIMASK_IO',
    InternalError: 'PHIMASK_INTERNAL',
    VaultError: 'PHIMASK_VAULT',
  };
  for (const [name, code] of Object.entries(expected)) {
    const cls = phimask[name];
    const error = new cls('x');
    assert.ok(error instanceof phimask.PhimaskError && error instanceof Error);
    assert.equal(error.name, name);
    assert.equal(error.code, code);
    assert.equal(cls.code, code);
    assert.equal(error.pointer, '');
    assert.equal(error.detector, '');
  }
});

test('policy error names pointer and detector', () => {
  const policy = {
    packs: [],
    detectors: [{ name: 'hospital_mrn', type: 'MEDICAL_RECORD_NUMBER', pattern: 'MRN(\\d' }],
  };
  assert.throws(
    () => new Engine(policy),
    (e) => {
      assert.ok(e instanceof phimask.PolicyError);
      assert.equal(e.code, 'PHIMASK_POLICY');
      assert.equal(e.pointer, '/detectors/0/pattern');
      assert.equal(e.detector, 'hospital_mrn');
      assert.ok(e.message.includes('/detectors/0/pattern') && e.message.includes('hospital_mrn'));
      assert.ok(e.stack.includes('errors.test.js'), 'the stack shows the caller');
      return true;
    },
  );
});

test('policy error for a bad field', () => {
  assert.throws(() => new Engine({ packs: [], min_score: 'high' }), { name: 'PolicyError', pointer: '/min_score' });
});

test('unknown pack is a policy error', () => {
  assert.throws(
    () => new Engine({ packs: ['no_such_pack'] }),
    (e) => e instanceof phimask.PolicyError && e.pointer.startsWith('/packs/0'),
  );
});

test('missing policy file is a file error', () => {
  assert.throws(() => new Engine(path.join(os.tmpdir(), 'phimask-no-such-dir', 'missing.json')), {
    name: 'FileError',
    code: 'PHIMASK_IO',
  });
});

test('too large input fails closed without quoting it', async () => {
  const engine = new Engine(SSN_LIKE, { maxInputBytes: 16 });
  for (const text of [SECRET, Buffer.from(SECRET)]) {
    for (const call of ['redact', 'detect']) {
      assert.throws(
        () => engine[call](text),
        (e) => e instanceof phimask.InputError && (assertNoSecret(assert, e), true),
      );
    }
    for (const call of ['redactAsync', 'detectAsync']) {
      await assert.rejects(engine[call](text), (e) => e instanceof phimask.InputError && (assertNoSecret(assert, e), true));
    }
  }
  assert.throws(
    () => engine.redactMany(['short', SECRET]),
    (e) => e instanceof phimask.InputError && e.message.startsWith('texts[1]: ') && (assertNoSecret(assert, e), true),
  );
  await assert.rejects(
    engine.redactManyAsync(['short', 'tiny', Buffer.from(SECRET)]),
    (e) => e instanceof phimask.InputError && e.message.startsWith('texts[2]: ') && (assertNoSecret(assert, e), true),
  );
});

test('lone surrogate is an input error with its index', async () => {
  // Refused, never silently replaced: U+FFFD would change the text outside the spans.
  for (const [text, index] of [
    [`${SECRET} \udc80 tail`, SECRET.length + 1],
    [`${SECRET}\ud800`, SECRET.length],
    [`\udbff${SECRET}`, 0],
    [`😀\ud83d`, 2],
  ]) {
    assert.throws(
      () => ssnEngine.redact(text),
      (e) => {
        assert.ok(e instanceof phimask.InputError);
        assert.equal(
          e.message,
          `input error: the text has a lone surrogate at index ${index}, which UTF-8 cannot encode`,
        );
        assertNoSecret(assert, e);
        return true;
      },
    );
    assert.throws(() => ssnEngine.detect(text), phimask.InputError);
    await assert.rejects(ssnEngine.redactAsync(text), phimask.InputError);
    await assert.rejects(ssnEngine.detectAsync(text), phimask.InputError);
  }
  assert.throws(() => ssnEngine.redactMany(['ok', 'x \ud800']), {
    name: 'InputError',
    message: 'texts[1]: input error: the text has a lone surrogate at index 2, which UTF-8 cannot encode',
  });
  await assert.rejects(ssnEngine.redactManyAsync(['\udfff']), { name: 'InputError' });
});

test('wrong argument types name the call', async () => {
  const cases = [
    [() => ssnEngine.redact(123), 'engine.redact(text: string | Buffer, options?: { vault?: Vault }): got number'],
    [() => ssnEngine.detect(new Uint8Array(2)), 'engine.detect(text: string | Buffer): got a Uint8Array'],
    [() => ssnEngine.redact(), 'engine.redact(text: string | Buffer, options?: { vault?: Vault }): got undefined'],
    [() => phimask.redact(null), 'phimask.redact(text: string | Buffer, options?: { vault?: Vault }): got null'],
    [() => phimask.detect({}), 'phimask.detect(text: string | Buffer): got an object'],
    [() => new Engine(42), /^new Engine\(policy\?: object \| string \| URL \| null, options\?: EngineOptions\): policy is number$/],
    [() => new Engine([]), /: policy is an array$/],
    [() => new Engine(SSN_LIKE, { hashKey: 1 }), /: options\.hashKey is number$/],
    [() => new Engine(SSN_LIKE, 'opts'), /: options is string$/],
    [() => Engine.load(null), /^Engine\.load\(path: string \| URL, options\?: EngineOptions\): path is null$/],
    [() => Engine.fromBuffer('x'), /^Engine\.fromBuffer\(data: Buffer, options\?: EngineOptions\): data is string$/],
    [() => ssnEngine.save(1), /^engine\.save\(path: string \| URL\): path is number$/],
    [() => ssnEngine.redactMany('abc'), /^engine\.redactMany\(texts: Array<string \| Buffer>.*\): got string$/],
    [() => ssnEngine.redactMany(['a', 7]), /: texts\[1\] is number$/],
    [() => ssnEngine.redactMany(['a'], { threads: 'two' }), /: options\.threads is string$/],
  ];
  for (const [call, message] of cases) assert.throws(call, { name: 'TypeError', message });
  assert.throws(() => new Engine(SSN_LIKE, { maxInputBytes: -1 }), { name: 'RangeError', message: /maxInputBytes/ });
  assert.throws(() => ssnEngine.redactMany([], { threads: 1.5 }), { name: 'RangeError', message: /threads/ });
  // The async calls reject (never throw synchronously).
  await assert.rejects(ssnEngine.redactAsync(5), {
    name: 'TypeError',
    message: 'engine.redactAsync(text: string | Buffer, options?: { vault?: Vault }): got number',
  });
  await assert.rejects(ssnEngine.detectAsync(undefined), { name: 'TypeError' });
  await assert.rejects(ssnEngine.redactManyAsync([Symbol('x')]), { name: 'TypeError', message: /texts\[0\] is symbol/ });
  await assert.rejects(phimask.redactAsync(1), { message: 'phimask.redactAsync(text: string | Buffer, options?: { vault?: Vault }): got number' });
});

test('hash key error', () => {
  assert.throws(
    () => new Engine(ssnPolicy({ actions: { default: 'hash' } })),
    (e) => e instanceof phimask.HashKeyError && e instanceof phimask.PhimaskError && e.code === 'PHIMASK_KEY',
  );
});

test('async rejections carry the stack of the call', async () => {
  const engine = new Engine(SSN_LIKE, { maxInputBytes: 1 });
  await assert.rejects(
    async function callerOfRedactAsync() {
      await engine.redactAsync('SSN 123-45-6789');
    },
    (e) => e instanceof phimask.InputError && e.stack.includes('callerOfRedactAsync'),
  );
});

test('no input text in errors of the whole API', async () => {
  const engine = new Engine(SSN_LIKE, { maxInputBytes: 8 });
  const errors = [];
  const capture = async (fn) => {
    try {
      await fn();
    } catch (e) {
      errors.push(e);
    }
  };
  await capture(() => engine.redact(`${SECRET}\ud800`));
  await capture(() => engine.redactMany([SECRET]));
  await capture(() => engine.redactManyAsync([Buffer.from(SECRET)], { threads: 3 }));
  await capture(() => new Engine(SSN_LIKE).redact(`\ud800${SECRET}`));
  await capture(() => phimask.redactAsync(`${SECRET}\udfff`));
  assert.equal(errors.length, 5);
  for (const e of errors) assertNoSecret(assert, e);
});
