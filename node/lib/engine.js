'use strict';
// phimask.Engine: a policy compiled once, then shared by every call. Validates
// arguments (TypeErrors name the call and its signature) and converts them for
// the addon; everything else happens in C++.
const { fileURLToPath } = require('node:url');
const { addon, modelsDir } = require('./native');
const { argumentError, checkText, checkTexts } = require('./errors');
const { ResultFactory } = require('./results');
const { nativeVault } = require('./vault');

const signatures = Object.freeze({
  construct: 'new Engine(policy?: object | string | URL | null, options?: EngineOptions)',
  load: 'Engine.load(path: string | URL, options?: EngineOptions)',
  fromBuffer: 'Engine.fromBuffer(data: Buffer, options?: EngineOptions)',
  save: 'engine.save(path: string | URL)',
  redact: 'engine.redact(text: string | Buffer, options?: { vault?: Vault })',
  detect: 'engine.detect(text: string | Buffer)',
  redactAsync: 'engine.redactAsync(text: string | Buffer, options?: { vault?: Vault })',
  detectAsync: 'engine.detectAsync(text: string | Buffer)',
  redactMany: 'engine.redactMany(texts: Array<string | Buffer>, options?: { threads?: number })',
  redactManyAsync: 'engine.redactManyAsync(texts: Array<string | Buffer>, options?: { threads?: number })',
});

const wrapToken = Symbol('phimask.wrap');
/** RedactStream's way to the core's line redaction (node/lib/stream.js); not public API. */
const redactLines = Symbol('phimask.redactLines');
const nativeEngine = Symbol('phimask.nativeEngine');

/** Folders searched for detector packs: $PHIMASK_MODELS_PATH (colon-separated), then the packaged models. */
function modelDirs() {
  const env = process.env.PHIMASK_MODELS_PATH || '';
  return [...env.split(':').filter(Boolean), modelsDir];
}

function nonNegativeInteger(value, signature, what) {
  if (typeof value !== 'number') throw argumentError(signature, value, what);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${signature}: ${what} must be a non-negative integer, got ${value}`);
  }
  return value;
}

/** `options` when it is an object, {} when it is undefined or null; a TypeError otherwise. */
function optionsObject(options, signature) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw argumentError(signature, options, 'options');
  return options;
}

function vaultOption(options, signature) {
  return nativeVault(optionsObject(options, signature).vault, signature);
}

function threadsOption(options, signature) {
  const { threads } = optionsObject(options, signature);
  return threads === undefined ? 0 : nonNegativeInteger(threads, signature, 'options.threads');
}

function toPath(value, signature, what) {
  if (typeof value === 'string') return value;
  if (value instanceof URL) {
    try {
      return fileURLToPath(value);
    } catch {
      throw argumentError(signature, value, what);
    }
  }
  throw argumentError(signature, value, what);
}

/** The addon's factory options from the public EngineOptions. */
function nativeOptions(options, signature) {
  if (Array.isArray(options)) throw argumentError(signature, options, 'options');
  const out = { modelDirs: modelDirs() };
  const { hashKey, maxInputBytes } = optionsObject(options, signature);
  if (typeof hashKey === 'string') out.hashKey = Buffer.from(hashKey, 'utf8');
  else if (Buffer.isBuffer(hashKey)) out.hashKey = hashKey;
  else if (hashKey !== undefined && hashKey !== null) throw argumentError(signature, hashKey, 'options.hashKey');
  if (maxInputBytes !== undefined && maxInputBytes !== null) {
    out.maxInputBytes = nonNegativeInteger(maxInputBytes, signature, 'options.maxInputBytes');
  }
  return out;
}

/**
 * Runs an addon promise, giving a rejection the stack of the call that made it
 * (an error built on the main thread after the work has no JavaScript frames).
 */
async function withCallerStack(promise, site) {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof Error && typeof site.stack === 'string') {
      error.stack = `${error.name}: ${error.message}${site.stack.slice(site.stack.indexOf('\n'))}`;
    }
    throw error;
  }
}

function callSite(fn) {
  const site = {};
  Error.captureStackTrace(site, fn);
  return site;
}

class Engine {
  #native;
  #made;

  /** The engine's ResultFactory, made on first use (it reads the detector table once). */
  get #results() {
    this.#made ??= new ResultFactory(this.#native.detectors(), this.#native.policyVersion());
    return this.#made;
  }

  constructor(policy, options) {
    if (policy === wrapToken) {
      this.#native = options;
      return;
    }
    const sig = signatures.construct;
    const opts = nativeOptions(options, sig);
    if (policy === undefined || policy === null) {
      this.#native = addon.NativeEngine.fromPolicyJson('{}', opts);
    } else if (typeof policy === 'string' || policy instanceof URL) {
      this.#native = addon.NativeEngine.fromPolicyFile(toPath(policy, sig, 'policy'), opts);
    } else if (typeof policy === 'object' && !Array.isArray(policy) && !Buffer.isBuffer(policy)) {
      this.#native = addon.NativeEngine.fromPolicyJson(JSON.stringify(policy), opts);
    } else {
      throw argumentError(sig, policy, 'policy');
    }
  }

  static load(path, options) {
    const sig = signatures.load;
    const file = toPath(path, sig, 'path');
    return new Engine(wrapToken, addon.NativeEngine.load(file, nativeOptions(options, sig)));
  }

  static fromBuffer(data, options) {
    const sig = signatures.fromBuffer;
    if (!Buffer.isBuffer(data)) throw argumentError(sig, data, 'data');
    return new Engine(wrapToken, addon.NativeEngine.fromBuffer(data, nativeOptions(options, sig)));
  }

  save(path) {
    this.#native.save(toPath(path, signatures.save, 'path'));
  }

  toBuffer() {
    return this.#native.toBuffer();
  }

  get policyVersion() {
    return this.#native.policyVersion();
  }

  get entityTypes() {
    return this.#native.entityTypes();
  }

  get detectorNames() {
    return this.#native.detectorNames();
  }

  redact(text, options) {
    checkText(text, signatures.redact);
    const vault = vaultOption(options, signatures.redact);
    return this.#results.result(this.#native.redact(text, vault));
  }

  detect(text) {
    checkText(text, signatures.detect);
    return this.#results.spans(this.#native.detect(text));
  }

  redactMany(texts, options) {
    const sig = signatures.redactMany;
    checkTexts(texts, sig);
    const results = this.#results;
    return this.#native.redactMany(texts, threadsOption(options, sig)).map((raw) => results.result(raw));
  }

  async redactAsync(text, options) {
    checkText(text, signatures.redactAsync);
    const vault = vaultOption(options, signatures.redactAsync);
    const results = this.#results;
    return results.result(await withCallerStack(this.#native.redactAsync(text, vault), callSite(this.redactAsync)));
  }

  async detectAsync(text) {
    checkText(text, signatures.detectAsync);
    const results = this.#results;
    return results.spans(await withCallerStack(this.#native.detectAsync(text), callSite(this.detectAsync)));
  }

  async redactManyAsync(texts, options) {
    const sig = signatures.redactManyAsync;
    checkTexts(texts, sig);
    const threads = threadsOption(options, sig);
    const results = this.#results;
    const raws = await withCallerStack(this.#native.redactManyAsync(texts, threads), callSite(this.redactManyAsync));
    return raws.map((raw) => results.result(raw));
  }

  /**
   * Redacts a block of complete lines off the main thread, on one thread (phimask::redact_lines).
   * @returns {Promise<[Buffer, Array<[number, string[]]>, Error | null]>} the redacted lines (those
   *   before a failed line), the blocked lines by index in the block, and the failed line's error
   */
  [redactLines](block, json, blockedLine, firstLine) {
    return this.#native.redactLinesAsync(block, json, blockedLine, firstLine);
  }

  /** The native engine, for the stream classes (node/lib/text_stream.js). */
  get [nativeEngine]() {
    return this.#native;
  }

  get [Symbol.toStringTag]() {
    return 'phimask.Engine';
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `Engine { policyVersion: '${this.policyVersion}' }`;
  }
}

module.exports = { Engine, modelDirs, redactLines, nativeEngine };
