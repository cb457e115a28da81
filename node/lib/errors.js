'use strict';
// The errors phimask throws or rejects with. Each core error code has one
// class; all extend PhimaskError. Messages never contain input text or a
// matched value: errors about an input say which one ("texts[3]") and where
// (an index), never what it holds, so they are safe to log.

class PhimaskError extends Error {
  /**
   * @param {string} message
   * @param {{ pointer?: string, detector?: string }} [options]
   */
  constructor(message, options = {}) {
    super(message);
    Object.defineProperty(this, 'name', { value: new.target.name, writable: true, configurable: true });
    this.code = new.target.code;
    this.pointer = options.pointer || '';
    this.detector = options.detector || '';
  }
}
PhimaskError.code = 'PHIMASK_ERROR';

class PolicyError extends PhimaskError {}
PolicyError.code = 'PHIMASK_POLICY';

class InputError extends PhimaskError {}
InputError.code = 'PHIMASK_INPUT';

class EngineFileError extends PhimaskError {}
EngineFileError.code = 'PHIMASK_ENGINE_FILE';

class HashKeyError extends PhimaskError {}
HashKeyError.code = 'PHIMASK_KEY';

class FileError extends PhimaskError {}
FileError.code = 'PHIMASK_IO';

class InternalError extends PhimaskError {}
InternalError.code = 'PHIMASK_INTERNAL';

class VaultError extends PhimaskError {}
VaultError.code = 'PHIMASK_VAULT';

/**
 * A streamed text reached a value whose action is block (redactChunks, the
 * chunk Transform): nothing from the value on was emitted; discard what was
 * emitted before it. `types` names the blocking entity types, never a value.
 */
class BlockedError extends PhimaskError {
  constructor(types) {
    super(`blocked by policy (types: ${types.join(', ')})`);
    this.types = Object.freeze([...types]);
  }
}
BlockedError.code = 'PHIMASK_BLOCKED';

/** The class for each core error code name (phimask::error_code_name), as the addon looks them up. */
const byCoreCode = Object.freeze({
  policy: PolicyError,
  input: InputError,
  engine_file: EngineFileError,
  key: HashKeyError,
  io: FileError,
  internal: InternalError,
  vault: VaultError,
});

function checkText(text, signature) {
  if (typeof text !== 'string' && !Buffer.isBuffer(text)) throw argumentError(signature, text);
}

function checkTexts(texts, signature) {
  if (!Array.isArray(texts)) throw argumentError(signature, texts);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    if (typeof text !== 'string' && !Buffer.isBuffer(text)) throw argumentError(signature, text, `texts[${i}]`);
  }
}

/**
 * A TypeError naming the public call, its signature and what it got:
 * "engine.redact(text: string | Buffer): got number".
 */
function argumentError(signature, value, what) {
  return new TypeError(`${signature}: ${what ? `${what} is ` : 'got '}${describe(value)}`);
}

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const name = value.constructor && value.constructor.name;
    return name && name !== 'Object' ? `a ${name}` : 'an object';
  }
  return typeof value;
}

module.exports = {
  PhimaskError,
  PolicyError,
  InputError,
  EngineFileError,
  HashKeyError,
  FileError,
  InternalError,
  VaultError,
  BlockedError,
  byCoreCode,
  argumentError,
  checkText,
  checkTexts,
};
