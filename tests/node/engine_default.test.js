'use strict';
// The module-level default engine: one line, created once, loaded from the
// packaged engine file. Mirrors tests/python/test_default_engine.py.
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const phimask = require('phimask');

const root = path.resolve(__dirname, '..', '..');

function runFresh(code, env) {
  return spawnSync(process.execPath, ['-e', code], { cwd: root, env, encoding: 'utf8', timeout: 120000 });
}

function envWithout(name) {
  const env = { ...process.env };
  delete env[name];
  return env;
}

test('redact and detect in one line', () => {
  assert.equal(phimask.redact('Pt SSN 123-45-6789').text, 'Pt SSN {US_SOCIAL_SECURITY_NUMBER}');
  assert.deepEqual(phimask.detect('call (617) 555-0142').map((s) => s.type), ['PHONE']);
  assert.equal(phimask.redact(Buffer.from('SSN 123-45-6789')).text.toString(), 'SSN {US_SOCIAL_SECURITY_NUMBER}');
});

test('created once', () => {
  assert.equal(phimask.defaultEngine(), phimask.defaultEngine());
  assert.ok(phimask.defaultEngine() instanceof phimask.Engine);
});

test('packaged engine file is the default policy', () => {
  assert.ok(fs.statSync(phimask.defaultEngineFile).isFile());
  const loaded = phimask.Engine.load(phimask.defaultEngineFile);
  const compiled = new phimask.Engine();
  assert.equal(loaded.policyVersion, compiled.policyVersion);
  assert.equal(phimask.defaultEngine().policyVersion, compiled.policyVersion);
  const text = 'Jane Roe, SSN 123-45-6789, seen 01/15/2023 at 12 Elm Street, Springfield, IL 62704.';
  assert.deepEqual(loaded.redact(text), compiled.redact(text));
});

test('a fresh process loads the packaged engine without a warning', () => {
  const out = runFresh(
    "const p = require('phimask'); process.on('warning', (w) => { console.error(w.message); process.exitCode = 3; });" +
      "console.log(p.redact('SSN 123-45-6789').text)",
    envWithout('PHIMASK_MODELS_PATH'),
  );
  assert.equal(out.status, 0, out.stderr);
  assert.equal(out.stdout.trim(), 'SSN {US_SOCIAL_SECURITY_NUMBER}');
});

test('a refused engine file falls back to compiling, with a warning', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phimask-node-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const bad = path.join(dir, 'default.engine');
  fs.writeFileSync(bad, 'not an engine');
  const { createDefaultEngine } = require('../../node/lib/default.js');
  const warned = new Promise((resolve) => process.once('warning', resolve));
  const saved = process.env.PHIMASK_MODELS_PATH;
  delete process.env.PHIMASK_MODELS_PATH;
  let engine;
  try {
    engine = createDefaultEngine(bad);
  } finally {
    if (saved !== undefined) process.env.PHIMASK_MODELS_PATH = saved;
  }
  assert.equal(engine.redact('SSN 123-45-6789').text, 'SSN {US_SOCIAL_SECURITY_NUMBER}');
  assert.equal(engine.policyVersion, phimask.defaultEngine().policyVersion);
  const warning = await warned;
  assert.equal(warning.code, 'PHIMASK_DEFAULT_ENGINE');
  assert.match(warning.message, /cannot be used \(engine_file error: /);
});

test('the models path environment is honoured and not changed', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phimask-node-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const pack = {
    pack: 'site_pack',
    version: 1,
    detectors: [{ name: 'badge', type: 'BADGE_ID', pattern: 'BADGE-[0-9]{5}' }],
  };
  fs.writeFileSync(path.join(dir, 'site_pack.json'), JSON.stringify(pack));
  const out = runFresh(
    "const p = require('phimask');" +
      "const e = new p.Engine({ packs: ['site_pack'] });" +
      "console.log(e.redact('BADGE-12345 SSN 123-45-6789').text);" +
      `console.log(process.env.PHIMASK_MODELS_PATH === ${JSON.stringify(dir)});` +
      'console.log(p.modelDirs()[0] === process.env.PHIMASK_MODELS_PATH, p.modelDirs().at(-1) === p.modelsDir);',
    { ...process.env, PHIMASK_MODELS_PATH: dir },
  );
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(out.stdout.split('\n').slice(0, 3), ['{BADGE_ID} SSN 123-45-6789', 'true', 'true true']);
});

test('works in a worker thread', async () => {
  const { Worker } = require('node:worker_threads');
  const worker = new Worker(
    "const { parentPort } = require('node:worker_threads'); const p = require('phimask');" +
      "p.redactAsync('SSN 123-45-6789').then((r) => parentPort.postMessage(r.text));",
    { eval: true },
  );
  const [message] = await Promise.all([
    new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    }),
  ]);
  assert.equal(message, 'SSN {US_SOCIAL_SECURITY_NUMBER}');
  await worker.terminate();
  assert.equal(phimask.redact('SSN 123-45-6789').text, 'SSN {US_SOCIAL_SECURITY_NUMBER}');
});
