'use strict';
// The module-level default engine behind phimask.redact() and friends.
const { Engine } = require('./engine');
const { EngineFileError, FileError, checkText, checkTexts } = require('./errors');
const { defaultEngineFile } = require('./native');

let shared = null;

/**
 * Loads the default policy precompiled at build time from `file`; when that
 * file is refused (another CPU platform or library, or missing) compiles the
 * default policy instead, with a process warning. With $PHIMASK_MODELS_PATH set
 * the packs may differ from the packaged ones, so it compiles without a warning.
 */
function createDefaultEngine(file = defaultEngineFile) {
  let refused = null;
  if (!process.env.PHIMASK_MODELS_PATH) {
    try {
      return Engine.load(file);
    } catch (error) {
      if (!(error instanceof EngineFileError || error instanceof FileError)) throw error;
      refused = error.message;
    }
  }
  const engine = new Engine();
  if (refused !== null) {
    process.emitWarning(
      `phimask: the packaged default engine cannot be used (${refused}); ` +
        'compiling the default policy instead (about a second)',
      { code: 'PHIMASK_DEFAULT_ENGINE' },
    );
  }
  return engine;
}

function defaultEngine() {
  if (shared === null) shared = createDefaultEngine();
  return shared;
}

function redact(text, options) {
  checkText(text, 'phimask.redact(text: string | Buffer, options?: { vault?: Vault })');
  return defaultEngine().redact(text, options);
}

function detect(text) {
  checkText(text, 'phimask.detect(text: string | Buffer)');
  return defaultEngine().detect(text);
}

function redactMany(texts, options) {
  checkTexts(texts, 'phimask.redactMany(texts: Array<string | Buffer>, options?: { threads?: number })');
  return defaultEngine().redactMany(texts, options);
}

async function redactAsync(text, options) {
  checkText(text, 'phimask.redactAsync(text: string | Buffer, options?: { vault?: Vault })');
  return defaultEngine().redactAsync(text, options);
}

async function detectAsync(text) {
  checkText(text, 'phimask.detectAsync(text: string | Buffer)');
  return defaultEngine().detectAsync(text);
}

async function redactManyAsync(texts, options) {
  checkTexts(texts, 'phimask.redactManyAsync(texts: Array<string | Buffer>, options?: { threads?: number })');
  return defaultEngine().redactManyAsync(texts, options);
}

module.exports = {
  createDefaultEngine,
  defaultEngine,
  redact,
  detect,
  redactMany,
  redactAsync,
  detectAsync,
  redactManyAsync,
};
