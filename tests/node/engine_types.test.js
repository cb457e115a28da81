'use strict';
// node/index.d.ts: the typed example compiles under `tsc --strict`, and every
// public name of the package is declared there with a doc comment.
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const phimask = require('phimask');

const root = path.resolve(__dirname, '..', '..');

test('the typed example compiles with tsc', () => {
  const tsc = require.resolve('typescript/bin/tsc');
  const out = spawnSync(process.execPath, [tsc, '--noEmit', '-p', path.join(__dirname, 'types')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180000,
  });
  assert.equal(out.status, 0, `${out.stdout}${out.stderr}`);
});

test('every public name is declared and documented', () => {
  const dts = fs.readFileSync(path.join(root, 'node', 'index.d.ts'), 'utf8');
  for (const name of Object.keys(phimask)) {
    const declaration = new RegExp(`\\*/\\s*export (?:declare )?(?:function|class|const) ${name}\\b`);
    assert.match(dts, declaration, `${name} is not declared with a doc comment in node/index.d.ts`);
  }
  for (const member of ['load', 'fromBuffer', 'save', 'toBuffer', 'policyVersion', 'entityTypes', 'detectorNames',
    'redact', 'detect', 'redactAsync', 'detectAsync', 'redactMany', 'redactManyAsync']) {
    assert.match(dts, new RegExp(`\\*/\\s*(?:static |readonly )?${member}\\b`), `Engine.${member} has no doc comment`);
    const owner = ['load', 'fromBuffer'].includes(member) ? phimask.Engine : phimask.Engine.prototype;
    assert.ok(member in owner, `Engine.${member} is declared but not implemented`);
  }
});
