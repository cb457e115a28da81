'use strict';
// The npm package: versions agree, the exports map, and what `npm pack` ships.
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const phimask = require('phimask');

const root = path.resolve(__dirname, '..', '..');
const pkg = require('phimask/package.json');

test('versions agree', () => {
  const cmake = fs.readFileSync(path.join(root, 'CMakeLists.txt'), 'utf8');
  const [, projectVersion] = cmake.match(/project\(phimask VERSION (\S+)/);
  assert.equal(pkg.version, projectVersion);
  assert.equal(phimask.version, projectVersion);
  assert.match(phimask.hyperscanVersion, /^\d+\.\d+/);
});

test('the exports map', () => {
  assert.equal(require.resolve('phimask'), path.join(root, 'node', 'lib', 'index.js'));
  assert.equal(require.resolve('phimask/package.json'), path.join(root, 'package.json'));
  assert.equal(pkg.exports['./pino'].default, './node/lib/pino.js');
  assert.equal(pkg.exports['./winston'].default, './node/lib/winston.js');
  assert.throws(() => require.resolve('phimask/node/lib/engine.js'), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  assert.equal(pkg.types, 'node/index.d.ts');
});

test('models and the default engine are where the package looks', () => {
  assert.ok(fs.statSync(path.join(phimask.modelsDir, 'us_core.json')).isFile());
  assert.ok(fs.statSync(phimask.defaultEngineFile).isFile());
  assert.equal(path.dirname(phimask.defaultEngineFile), path.join(root, 'build', 'node', 'Release'));
});

test('npm pack ships the sources the install script builds, and no build output', () => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120000,
  });
  assert.equal(out.status, 0, out.stderr);
  const files = JSON.parse(out.stdout)[0].files.map((f) => f.path);
  for (const needed of [
    'package.json',
    'CMakeLists.txt',
    'cmake/PhimaskWarnings.cmake',
    'core/CMakeLists.txt',
    'core/include/phimask/engine.h',
    'models/us_core.json',
    'tools/CMakeLists.txt',
    'tools/compile_default.cpp',
    'node/CMakeLists.txt',
    'node/src/module.cpp',
    'node/lib/index.js',
    'node/index.d.ts',
  ]) {
    assert.ok(files.includes(needed), `${needed} is not in the package`);
  }
  for (const prefix of ['build/', 'node_modules/', 'tests/', 'python/', 'bench/', 'cli/']) {
    assert.ok(!files.some((f) => f.startsWith(prefix)), `the package holds ${prefix}`);
  }
});
