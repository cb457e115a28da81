'use strict';
// phimask: find PHI in text and redact it, in-process. Types and documentation: node/index.d.ts.
const { addon, modelsDir, defaultEngineFile } = require('./native');
const { Engine, modelDirs } = require('./engine');
const defaults = require('./default');
const errors = require('./errors');
const stream = require('./stream');
const { Vault } = require('./vault');
const textStream = require('./text_stream');

module.exports = {
  Engine,
  Vault,
  defaultEngine: defaults.defaultEngine,
  redact: defaults.redact,
  detect: defaults.detect,
  redactMany: defaults.redactMany,
  redactAsync: defaults.redactAsync,
  detectAsync: defaults.detectAsync,
  redactManyAsync: defaults.redactManyAsync,
  RedactStream: stream.RedactStream,
  createRedactStream: stream.createRedactStream,
  DEFAULT_MAX_LINE_BYTES: stream.DEFAULT_MAX_LINE_BYTES,
  StreamRedactor: textStream.StreamRedactor,
  StreamRestorer: textStream.StreamRestorer,
  redactChunks: textStream.redactChunks,
  restoreChunks: textStream.restoreChunks,
  createChunkRedactStream: textStream.createChunkRedactStream,
  createRestoreStream: textStream.createRestoreStream,
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
  VaultError: errors.VaultError,
  BlockedError: errors.BlockedError,
};
