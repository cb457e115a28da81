'use strict';
// Loads the compiled addon from its one place in the package, and hands it the
// error classes it throws.
const path = require('node:path');
const { byCoreCode } = require('./errors');

/** The package root: the folder holding package.json, models/ and build/. */
const root = path.resolve(__dirname, '..', '..');
/** Where `npm install` (cmake-js, Release) puts the addon and the precompiled default engine. */
const buildDir = path.join(root, 'build', 'node', 'Release');
const addonPath = path.join(buildDir, 'phimask.node');

let addon;
try {
  addon = require(addonPath);
} catch (cause) {
  throw new Error(
    `phimask: cannot load the native addon ${addonPath} (${cause && cause.message}); ` +
      `build it with \`npm install\` or \`npm run build\` in ${root}`,
    { cause },
  );
}
addon.setErrorClasses(byCoreCode);

module.exports = {
  addon,
  defaultEngineFile: path.join(buildDir, 'default.engine'),
  modelsDir: path.join(root, 'models'),
};
