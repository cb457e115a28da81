'use strict';
// Engine files; names follow tests/cpp/serialize_test.cpp and tests/python/test_serialize.py.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const phimask = require('phimask');
const { PLUGINS, ssnPolicy } = require('./engine_fixtures');

const { Engine } = phimask;
const TEXT = 'Seen under MRN: 12345678 for visit ENC-20230115; SSN 123-45-6789.';

function tempDir(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phimask-node-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('save and load a file', (t) => {
  const engine = new Engine(PLUGINS);
  const file = path.join(tempDir(t), 'engine.bin');
  engine.save(file);
  const loaded = Engine.load(file);
  assert.equal(loaded.policyVersion, engine.policyVersion);
  assert.deepEqual(loaded.redact(TEXT), engine.redact(TEXT));
  assert.deepEqual(Engine.load(pathToFileURL(file)).redact(TEXT), engine.redact(TEXT));
  assert.deepEqual(loaded.detectorNames, engine.detectorNames);
});

test('round trip gives identical results', () => {
  const engine = phimask.defaultEngine();
  const loaded = Engine.fromBuffer(engine.toBuffer());
  assert.deepEqual(loaded.redact(TEXT), engine.redact(TEXT));
  assert.deepEqual(loaded.toBuffer(), engine.toBuffer());
  assert.equal(engine.toBuffer().subarray(0, 14).toString(), 'PHIMASK-ENGINE');
});

test('refuses corrupt, truncated and foreign files', (t) => {
  const dir = tempDir(t);
  const data = new Engine(PLUGINS).toBuffer();
  const flipped = Buffer.from(data);
  flipped[flipped.length >> 1] ^= 0xff;
  for (const bad of [data.subarray(0, data.length >> 1), flipped, Buffer.from('not an engine at all'), Buffer.alloc(0)]) {
    assert.throws(() => Engine.fromBuffer(bad), phimask.EngineFileError);
    const file = path.join(dir, 'bad.bin');
    fs.writeFileSync(file, bad);
    assert.throws(() => Engine.load(file), { name: 'EngineFileError', code: 'PHIMASK_ENGINE_FILE' });
  }
  assert.throws(() => Engine.load(path.join(dir, 'missing.bin')), { name: 'FileError', code: 'PHIMASK_IO' });
});

test('the key is not stored and must be given again', () => {
  const policy = ssnPolicy({ actions: { default: 'hash' } });
  const data = new Engine(policy, { hashKey: 'k1-secret-key' }).toBuffer();
  assert.ok(!data.includes('k1-secret-key'));
  assert.throws(() => Engine.fromBuffer(data), phimask.HashKeyError);
  const a = Engine.fromBuffer(data, { hashKey: 'k1-secret-key' }).redact('123-45-6789').text;
  assert.equal(a, new Engine(policy, { hashKey: 'k1-secret-key' }).redact('123-45-6789').text);
});

test('save to an unwritable path is a file error', (t) => {
  const file = path.join(tempDir(t), 'no', 'such', 'dir', 'engine.bin');
  assert.throws(() => new Engine(PLUGINS).save(file), { name: 'FileError', code: 'PHIMASK_IO' });
});
