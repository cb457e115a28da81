'use strict';
// Streaming redaction and restoration of text that arrives in pieces (an LLM's
// streamed answer, a pipe): the StreamRedactor / StreamRestorer classes, async
// generators over any (async) iterable, and Transform streams.

const { Transform } = require('node:stream');
const { setImmediate: nextTurn } = require('node:timers/promises');
const { addon } = require('./native');
const { Engine, nativeEngine } = require('./engine');
const { defaultEngine } = require('./default');
const { BlockedError, argumentError, checkText } = require('./errors');
const { nativeVault } = require('./vault');

// Larger chunks are handed to the core in slices, with a turn of the event
// loop between them, so one huge write does not hold the loop for long.
const SLICE_BYTES = 64 * 1024;

function engineOf(engine, signature) {
  if (engine === undefined || engine === null) return defaultEngine();
  if (!(engine instanceof Engine)) throw argumentError(signature, engine, 'options.engine');
  return engine;
}

function optionsOf(options, signature) {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw argumentError(signature, options, 'options');
  }
  return options;
}

const nativeOf = Symbol('phimask.nativeStream');

/**
 * What StreamRedactor and StreamRestorer share: push() and finish() on a native
 * stream, with finish() answering in the type of the last push (string or Buffer).
 */
class TextStream {
  #native;
  #pushSignature;
  #buffers = false;

  constructor(native, pushSignature) {
    this.#native = native;
    this.#pushSignature = pushSignature;
  }

  /** The native stream, for the subclasses' getters. */
  get [nativeOf]() {
    return this.#native;
  }

  push(text) {
    checkText(text, this.#pushSignature);
    this.#buffers = Buffer.isBuffer(text);
    return this.#native.push(text);
  }

  finish() {
    return this.#native.finish(this.#buffers);
  }
}

class StreamRedactor extends TextStream {
  /** See node/index.d.ts. */
  constructor(options) {
    const sig = 'new StreamRedactor({ engine?, vault? })';
    const opts = optionsOf(options, sig);
    const engine = engineOf(opts.engine, sig);
    const vault = nativeVault(opts.vault, sig);
    super(new addon.NativeStreamRedactor(engine[nativeEngine], vault), 'streamRedactor.push(text: string | Buffer)');
  }

  static maxHoldBack(engine) {
    return addon.NativeStreamRedactor.maxHoldBack(engineOf(engine, 'StreamRedactor.maxHoldBack(engine?)')[nativeEngine]);
  }

  get blocked() {
    return this[nativeOf].state()[0];
  }

  get blockingTypes() {
    return Object.freeze(this[nativeOf].state()[1]);
  }

  get counts() {
    return Object.freeze(this[nativeOf].state()[2]);
  }

  get heldBytes() {
    return this[nativeOf].state()[3];
  }

  get [Symbol.toStringTag]() {
    return 'phimask.StreamRedactor';
  }
}

class StreamRestorer extends TextStream {
  constructor(vault) {
    const sig = 'new StreamRestorer(vault: Vault)';
    const native = nativeVault(vault, sig);
    if (native === undefined) throw argumentError(sig, vault, 'vault');
    super(new addon.NativeStreamRestorer(native), 'streamRestorer.push(text: string | Buffer)');
  }

  get restored() {
    return this[nativeOf].state()[0];
  }

  get unknown() {
    return Object.freeze(this[nativeOf].state()[1]);
  }

  get [Symbol.toStringTag]() {
    return 'phimask.StreamRestorer';
  }
}

/** Pushes `chunk` in slices of at most SLICE_BYTES, yielding to the event loop between them. */
async function* pushSliced(stream, chunk) {
  if (chunk.length <= SLICE_BYTES) {
    yield stream.push(chunk);
    return;
  }
  const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, 'utf8');
  const asString = !Buffer.isBuffer(chunk);
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    const out = stream.push(bytes.subarray(at, at + SLICE_BYTES));
    yield asString ? out.toString('utf8') : out;
    if (at + SLICE_BYTES < bytes.length) await nextTurn();
  }
}

function throwIfBlocked(stream) {
  if (stream.blocked) throw new BlockedError(stream.blockingTypes);
}

function isEmpty(piece) {
  return piece.length === 0;
}

async function* redactChunks(source, options) {
  const stream = new StreamRedactor(options);
  for await (const chunk of source) {
    for await (const piece of pushSliced(stream, chunk)) {
      throwIfBlocked(stream);
      if (!isEmpty(piece)) yield piece;
    }
  }
  const rest = stream.finish();
  throwIfBlocked(stream);
  if (!isEmpty(rest)) yield rest;
}

async function* restoreChunks(source, vault) {
  const restorer = new StreamRestorer(vault);
  for await (const chunk of source) {
    const piece = restorer.push(chunk);
    if (!isEmpty(piece)) yield piece;
  }
  const rest = restorer.finish();
  if (!isEmpty(rest)) yield rest;
}

/** A Transform over `stream` (a StreamRedactor or StreamRestorer): bytes in, bytes out. */
function transformOf(stream, check) {
  return new Transform({
    transform(chunk, encoding, callback) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding);
      (async () => {
        for await (const piece of pushSliced(stream, bytes)) {
          check(stream);
          if (piece.length > 0) this.push(piece);
        }
      })().then(() => callback(), callback);
    },
    flush(callback) {
      try {
        const rest = stream.finish();
        check(stream);
        if (rest.length > 0) this.push(rest);
        callback();
      } catch (error) {
        callback(error);
      }
    },
  });
}

function createChunkRedactStream(options) {
  const stream = new StreamRedactor(options);
  return transformOf(stream, throwIfBlocked);
}

function createRestoreStream(vault) {
  return transformOf(new StreamRestorer(vault), () => {});
}

module.exports = {
  StreamRedactor,
  StreamRestorer,
  redactChunks,
  restoreChunks,
  createChunkRedactStream,
  createRestoreStream,
};
