'use strict';
// The declarations of the stream and logger modules compile under `tsc --strict`
// as a user's code uses them (stream_types.test.ts), errors included.

const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { test } = require('node:test');

test('the stream, pino and winston declarations compile as used, and reject misuse', () => {
    const tsc = require.resolve('typescript/bin/tsc');
    const args = [tsc, '--noEmit', '--strict', '--noUnusedLocals', '--esModuleInterop', '--module', 'node16',
        '--moduleResolution', 'node16', '--target', 'es2022', '--types', 'node', path.join(__dirname, 'stream_types.test.ts')];
    const out = spawnSync(process.execPath, args, { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8', timeout: 180000 });
    assert.equal(out.status, 0, `${out.stdout}${out.stderr}`);
});
