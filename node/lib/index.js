'use strict';
// phimask: find PHI in text and redact it, in-process. Types and documentation: node/index.d.ts.
const { addon, modelsDir, defaultEngineFile } = require('./native');
const { Engine, modelDirs } = require('./engine');
const defaults = require('./default');
const errors = require('./errors');

module.exports = {
  Engine,
  defaultEngine: defaults.defaultEngine,
  redact: defaults.redact,
  detect: defaults.detect,
  redactMany: defaults.redactMany,
  redactAsync: defaults.redactAsync,
  detectAsync: defaults.detectAsync,
  redactManyAsync: defaults.redactManyAsync,
  modelDirs,
  modelsDir,
  defaultEngineFile,
  version: addon.version,
  hyperscanVersion: addon.hyperscanVersion,
  PhimaskError: errors.PhimaskError,
  PolicyError: errors.PolicyError,
  InputError: errors.InputError,
  EngineFileError: errors.EngineFileError,
  HashKeyError: errors.HashKeyError,
  FileError: errors.FileError,
  InternalError: errors.InternalError,
};
