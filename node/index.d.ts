// Type definitions for phimask (Node addon over the phimask C++ engine).
//
// Offsets: for string input every offset is a JavaScript string index (UTF-16
// code units: an emoji counts 2); for Buffer input it is a byte offset. So
// `text.slice(span.start, span.end)` / `buf.subarray(span.start, span.end)` is
// always exactly the matched text.

/// <reference types="node" />
import { Transform } from 'node:stream';

/**
 * What the policy did to a span.
 *
 * - `placeholder`: replaced by `{TYPE}` (or the policy's placeholder format)
 * - `mask`: every character replaced by a mask character, optionally keeping the last N
 * - `remove`: deleted
 * - `hash`: replaced by `{TYPE:<hex>}`, a truncated HMAC-SHA-256 under `options.hashKey`
 * - `block`: the whole result is blocked: `result.text` is empty
 * - `generalize`: HIPAA Safe Harbor generalization (a date → its year, an age over 89 → `90+`, a ZIP code → 3 digits)
 * - `token`: replaced by a numbered `{TYPE_N}`, consistent within a conversation's {@link Vault}
 * - `surrogate`: replaced by a realistic value consistent within a conversation's {@link Vault} (names from the
 *   name lexicons, dates shifted by one offset per vault, identifiers with valid check digits, email and URL at
 *   RFC 2606 domains); types without a generator (addresses, cities, ...) get the `{TYPE_N}` token
 */
export type Action = 'placeholder' | 'mask' | 'remove' | 'hash' | 'block' | 'generalize' | 'token' | 'surrogate';

/**
 * One detected entity: a frozen plain object.
 *
 * @example
 * const text = 'SSN 123-45-6789';
 * const [span] = phimask.detect(text);
 * text.slice(span.start, span.end); // '123-45-6789'
 * span.type;                        // 'US_SOCIAL_SECURITY_NUMBER'
 */
export interface Span {
  /** Start of the match: a string index for string input, a byte offset for Buffer input. */
  readonly start: number;
  /** End of the match (exclusive), in the same unit as `start`. */
  readonly end: number;
  /** Entity type, e.g. `'US_SOCIAL_SECURITY_NUMBER'`, `'PHONE'`, `'EMAIL'`. */
  readonly type: string;
  /** Confidence in [0, 1] after validators and context words. */
  readonly score: number;
  /** Name of the detector that found it, e.g. `'us_ssn'`. */
  readonly detector: string;
  /** What the policy did to it. */
  readonly action: Action;
}

/**
 * A PHI-free account of one redaction: safe to log. Frozen.
 *
 * @example
 * phimask.redact('call 617-555-0123 or 617-555-0188').summary.counts; // { PHONE: 2 }
 */
export interface Summary {
  /** Number of spans found per entity type. */
  readonly counts: Readonly<Record<string, number>>;
  /** The policy's content hash (16 hex digits): the same for the same policy on every runtime. */
  readonly policyVersion: string;
  /** True when a `block` action withheld the whole text. */
  readonly blocked: boolean;
  /** Sorted entity types whose `block` action fired (empty unless blocked). */
  readonly blockingTypes: readonly string[];
}

/**
 * The outcome of one redaction. Frozen.
 *
 * `text` has the input's kind (string or Buffer) and equals the input outside
 * the spans, byte for byte. When blocked, `text` is `''` (or an empty Buffer).
 *
 * @example
 * const r = phimask.redact('Pt SSN 123-45-6789, call (617) 555-0142');
 * r.text;    // 'Pt SSN {US_SOCIAL_SECURITY_NUMBER}, call {PHONE}'
 * r.blocked; // false
 */
export interface RedactResult<T extends string | Buffer = string | Buffer> {
  /** The redacted text, of the input's kind; empty when blocked. */
  readonly text: T;
  /** Spans sorted by start, non-overlapping, in the input's offset unit. */
  readonly spans: readonly Span[];
  /** The PHI-free summary. */
  readonly summary: Summary;
  /** Same as `summary.blocked`. */
  readonly blocked: boolean;
}

/**
 * Options for building or loading an engine.
 *
 * @example
 * new Engine(policy, { hashKey: process.env.PHIMASK_KEY, maxInputBytes: 1 << 20 });
 */
export interface EngineOptions {
  /**
   * Secret for the `hash` action (HMAC-SHA-256); a string is used as its UTF-8
   * bytes. Required when the policy hashes any type ({@link HashKeyError}
   * otherwise). Never stored in an engine file.
   */
  hashKey?: string | Buffer;
  /** Inputs whose UTF-8 is longer than this are refused with {@link InputError} (default 16 GiB). */
  maxInputBytes?: number;
}

/** Options of {@link Engine.redact} and {@link Engine.redactAsync}. */
export interface RedactOptions {
  /**
   * The conversation's vault: a `token` action numbers values in it, so the
   * same value gets the same `{TYPE_N}` in every message (a `surrogate` action
   * the same realistic replacement), and {@link Vault.restore} puts the values
   * back. Without one, a call uses a fresh vault of its own.
   */
  vault?: Vault;
}

/** What {@link Vault.restore} did. Frozen. */
export interface Restored<T extends string | Buffer = string | Buffer> {
  /** The text with each known token and surrogate replaced by its original value; every other character as given. */
  readonly text: T;
  /** How many tokens and surrogates were replaced. */
  readonly restored: number;
  /**
   * Tokens found that the vault does not hold, once each in order, written
   * canonically (`'{NAME_7}'`): a model invented or altered them. They carry
   * no PHI and are left in the text as they were.
   */
  readonly unknown: readonly string[];
}

/**
 * One conversation's mapping from tokens (`{NAME_1}`, `{DATE_2}`...) to the
 * values they replaced. Pass it to {@link Engine.redact} with a policy whose
 * action is `'token'`: the same value gets the same token in every message of
 * the conversation (names compared without case and spacing, phone and ID
 * numbers by their digits, dates by their calendar date). Send the redacted
 * prompt to the model, then {@link Vault.restore} its answer. The mapping never
 * leaves the process in plaintext: between requests keep {@link Vault.seal}'s
 * encrypted bytes (AES-256-GCM) and {@link Vault.unseal} them. `JSON.stringify`
 * of a vault throws.
 *
 * @example
 * const { Engine, Vault } = require('phimask');
 * const engine = new Engine({ packs: ['us_core', 'us_names'], actions: { default: 'token' } });
 * const vault = new Vault();
 * engine.redact('Maria Gonzalez, call 617-555-0142', { vault }).text; // '{NAME_1}, call {PHONE_1}'
 * vault.restore('Calling {NAME_1} at { phone_1 }.').text;            // 'Calling Maria Gonzalez at 617-555-0142.'
 * const sealed = vault.seal(key);                                     // key: a 32-byte Buffer
 * const again = Vault.unseal(sealed, key);
 */
export class Vault {
  /** An empty vault: a new conversation. */
  constructor();
  /**
   * Opens bytes {@link Vault.seal} wrote, with the same 32-byte key.
   * @throws {VaultError} the key is not 32 bytes or is wrong; the bytes were altered, are not a vault, or are newer.
   * @throws {TypeError} `data` or `key` is not a Buffer.
   */
  static unseal(data: Buffer, key: Buffer): Vault;
  /**
   * The vault encrypted with AES-256-GCM under `key` (32 bytes), authenticated and versioned; a fresh nonce each call.
   * @throws {VaultError} `key` is not 32 bytes.
   */
  seal(key: Buffer): Buffer;
  /**
   * Puts the original values back in place of the tokens in `text` (a model's
   * answer). Tolerates case and spacing inside the braces (`{ name_1 }`), a line
   * break inside them, quotes or a possessive around them (`'{NAME_1}'s`).
   * Surrogates are put back where written as they were sent (names in any
   * case), on word boundaries, longest first; a surrogate the model rewrote
   * (another date format, a shortened name) stays as it is.
   */
  restore(text: string): Restored<string>;
  restore(text: Buffer): Restored<Buffer>;
  restore(text: string | Buffer): Restored;
  /** The number of distinct values held. */
  readonly size: number;
}

/** Options for the batch calls. */
export interface BatchOptions {
  /**
   * Worker threads in C++, each with its own scanner: 0 (the default) uses one
   * per CPU, 1 runs on one thread; never more than there are texts.
   */
  threads?: number;
}

/**
 * A policy document (the JSON format in the README, "Policy format"): packs,
 * detectors, actions, allow- and deny-lists, thresholds. Any object (an
 * interface-typed one too); it is passed through JSON.stringify.
 */
export type PolicyDocument = object;

/**
 * A policy compiled into one Hyperscan database: immutable, shareable by every
 * call, sync or async.
 *
 * Compiling the default policy takes about a second and blocks: build engines
 * once at startup, or {@link Engine.save} one and {@link Engine.load} it (milliseconds).
 * {@link redact} and friends use a packaged, precompiled default engine.
 *
 * @example
 * const { Engine } = require('phimask');
 * const engine = new Engine({
 *   packs: [],
 *   detectors: [{ name: 'mrn', type: 'MEDICAL_RECORD_NUMBER', pattern: 'MRN-[0-9]{6}' }],
 *   actions: { MEDICAL_RECORD_NUMBER: { action: 'mask', char: '*', keep_last: 2 } },
 * });
 * engine.redact('chart MRN-123456 reviewed').text; // 'chart ********56 reviewed'
 */
export class Engine {
  /**
   * Compiles a policy.
   *
   * @param policy `undefined`/`null` for the default policy (every detector of
   *   the packs us_core, us_names and us_places, the `{TYPE}` placeholder); a
   *   policy document object; or the path (string or `file:` URL) of a policy JSON file.
   * @param options hash key and input size limit.
   * @throws {PolicyError} the policy is invalid (`.pointer` and `.detector` say where).
   * @throws {FileError} the policy file cannot be read.
   * @throws {HashKeyError} the policy hashes and `options.hashKey` is missing.
   * @throws {TypeError} an argument has the wrong type.
   */
  constructor(policy?: PolicyDocument | string | URL | null, options?: EngineOptions);

  /**
   * Loads an engine file written by {@link Engine.save} or `phimask compile`, without compiling.
   *
   * @throws {EngineFileError} the file is corrupt, or was built by another
   *   phimask or Hyperscan version or for another CPU platform.
   * @throws {FileError} the file cannot be read.
   * @throws {HashKeyError} the policy hashes and `options.hashKey` is missing.
   * @example
   * engine.save('/tmp/engine.bin');
   * const same = Engine.load('/tmp/engine.bin');
   */
  static load(path: string | URL, options?: EngineOptions): Engine;

  /**
   * Loads an engine from the bytes {@link Engine.toBuffer} returned (same checks as {@link Engine.load}).
   *
   * @example
   * const copy = Engine.fromBuffer(engine.toBuffer());
   */
  static fromBuffer(data: Buffer, options?: EngineOptions): Engine;

  /**
   * Writes the compiled engine (policy and database, never the hash key) to `path`.
   *
   * @throws {FileError} the file cannot be written.
   * @example
   * phimask.defaultEngine().save('/tmp/default.engine');
   */
  save(path: string | URL): void;

  /**
   * The engine file's bytes, for {@link Engine.fromBuffer}.
   *
   * @example
   * phimask.defaultEngine().toBuffer().subarray(0, 14).toString(); // 'PHIMASK-ENGINE'
   */
  toBuffer(): Buffer;

  /**
   * The policy's content hash (16 hex digits), as in every result's summary.
   *
   * @example
   * phimask.defaultEngine().policyVersion.length; // 16
   */
  readonly policyVersion: string;

  /**
   * The entity types the policy can report, sorted (a new array each time).
   *
   * @example
   * phimask.defaultEngine().entityTypes.includes('EMAIL'); // true
   */
  readonly entityTypes: string[];

  /**
   * The names of the detectors the policy runs, in policy order (a new array each time).
   *
   * @example
   * phimask.defaultEngine().detectorNames.includes('us_ssn'); // true
   */
  readonly detectorNames: string[];

  /**
   * Finds PHI in `text` and returns it redacted, with the spans and a summary.
   * Runs on the calling thread: for large inputs on a server prefer {@link Engine.redactAsync}.
   *
   * @throws {InputError} the input is over `maxInputBytes`, or a string with a
   *   lone surrogate (the message gives its index, never the text).
   * @throws {TypeError} `text` is neither a string nor a Buffer.
   * @example
   * const r = engine.redact('Pt SSN 123-45-6789');
   * r.text;            // 'Pt SSN {US_SOCIAL_SECURITY_NUMBER}'
   * r.spans[0].start;  // 7
   */
  redact(text: string, options?: RedactOptions): RedactResult<string>;
  redact(text: Buffer, options?: RedactOptions): RedactResult<Buffer>;
  redact(text: string | Buffer, options?: RedactOptions): RedactResult;

  /**
   * The spans {@link Engine.redact} would act on, sorted and non-overlapping, without redacting.
   *
   * @example
   * const text = 'email jane.roe@example.org';
   * engine.detect(text).map((s) => text.slice(s.start, s.end)); // ['jane.roe@example.org']
   */
  detect(text: string | Buffer): Span[];

  /**
   * As {@link Engine.redact}, on libuv's thread pool: the event loop keeps
   * running while it scans. The input is copied before the call returns, so
   * changing a Buffer afterwards does not affect the result.
   *
   * Rejects with the same errors `redact` throws (a TypeError included).
   *
   * @example
   * const r = await engine.redactAsync(requestBody);
   */
  redactAsync(text: string, options?: RedactOptions): Promise<RedactResult<string>>;
  redactAsync(text: Buffer, options?: RedactOptions): Promise<RedactResult<Buffer>>;
  redactAsync(text: string | Buffer, options?: RedactOptions): Promise<RedactResult>;

  /**
   * As {@link Engine.detect}, on libuv's thread pool.
   *
   * @example
   * const spans = await engine.detectAsync(text);
   */
  detectAsync(text: string | Buffer): Promise<Span[]>;

  /**
   * Redacts many texts in parallel in C++ (see {@link BatchOptions.threads});
   * results in input order, each of its input's kind. Blocks the calling thread.
   *
   * All or nothing: if any item fails (over the size limit, a lone surrogate),
   * it throws for the first failing item, naming its index (`texts[3]`) and never its text.
   *
   * @example
   * engine.redactMany(['SSN 123-45-6789', 'fine']).map((r) => r.text);
   * // ['SSN {US_SOCIAL_SECURITY_NUMBER}', 'fine']
   */
  redactMany<T extends string | Buffer>(texts: readonly T[], options?: BatchOptions): RedactResult<T>[];

  /**
   * As {@link Engine.redactMany}, as one piece of work off the main thread:
   * the whole batch is scanned in parallel in C++ while the event loop runs.
   *
   * @example
   * const results = await engine.redactManyAsync(lines, { threads: 0 });
   */
  redactManyAsync<T extends string | Buffer>(texts: readonly T[], options?: BatchOptions): Promise<RedactResult<T>[]>;
}

/**
 * The default-policy engine shared by {@link redact}, {@link detect} and the
 * other module-level functions: created on first use, once.
 *
 * It loads the engine file precompiled when the package was built
 * ({@link defaultEngineFile}, milliseconds). If that file is refused (built for
 * another CPU platform or library version, or missing) it compiles the default
 * policy instead (about a second) and emits a process warning with code
 * `PHIMASK_DEFAULT_ENGINE`. With `$PHIMASK_MODELS_PATH` set it compiles, without a warning.
 *
 * @example
 * phimask.defaultEngine() === phimask.defaultEngine(); // true
 */
export function defaultEngine(): Engine;

/**
 * Redacts `text` with the default policy: {@link Engine.redact} on {@link defaultEngine}.
 *
 * @example
 * phimask.redact('Pt SSN 123-45-6789, call (617) 555-0142').text;
 * // 'Pt SSN {US_SOCIAL_SECURITY_NUMBER}, call {PHONE}'
 */
export function redact(text: string, options?: RedactOptions): RedactResult<string>;
export function redact(text: Buffer, options?: RedactOptions): RedactResult<Buffer>;
export function redact(text: string | Buffer, options?: RedactOptions): RedactResult;

/**
 * Detects PHI in `text` with the default policy: {@link Engine.detect} on {@link defaultEngine}.
 *
 * @example
 * const text = 'call (617) 555-0142';
 * phimask.detect(text).map((s) => [s.type, text.slice(s.start, s.end)]); // [['PHONE', '(617) 555-0142']]
 */
export function detect(text: string | Buffer): Span[];

/**
 * {@link Engine.redactAsync} on {@link defaultEngine}.
 *
 * @example
 * const { text } = await phimask.redactAsync('SSN 123-45-6789');
 */
export function redactAsync(text: string, options?: RedactOptions): Promise<RedactResult<string>>;
export function redactAsync(text: Buffer, options?: RedactOptions): Promise<RedactResult<Buffer>>;
export function redactAsync(text: string | Buffer, options?: RedactOptions): Promise<RedactResult>;

/**
 * {@link Engine.detectAsync} on {@link defaultEngine}.
 *
 * @example
 * const spans = await phimask.detectAsync('SSN 123-45-6789');
 */
export function detectAsync(text: string | Buffer): Promise<Span[]>;

/**
 * {@link Engine.redactMany} on {@link defaultEngine}.
 *
 * @example
 * phimask.redactMany(['SSN 123-45-6789', 'no PHI here']).map((r) => r.text);
 */
export function redactMany<T extends string | Buffer>(texts: readonly T[], options?: BatchOptions): RedactResult<T>[];

/**
 * {@link Engine.redactManyAsync} on {@link defaultEngine}.
 *
 * @example
 * const results = await phimask.redactManyAsync(lines);
 */
export function redactManyAsync<T extends string | Buffer>(
  texts: readonly T[],
  options?: BatchOptions,
): Promise<RedactResult<T>[]>;

/**
 * Folders searched for detector packs, in order: `$PHIMASK_MODELS_PATH`
 * (colon-separated, as the C++ library and the CLI read it), then
 * {@link modelsDir}. The environment is read when an engine is built, never changed.
 *
 * @example
 * phimask.modelDirs().at(-1) === phimask.modelsDir; // true
 */
export function modelDirs(): string[];

/** The detector packs shipped in the package (us_core, us_names, us_places and their lexicons). */
export const modelsDir: string;

/** The default policy precompiled when the addon was built, loaded by {@link defaultEngine}. */
export const defaultEngineFile: string;

/** The phimask library version inside the addon, e.g. `'0.1.0'`. */
export const version: string;

/** The Hyperscan-API library's version string, as it reports it. */
export const hyperscanVersion: string;

/** The `code` of each phimask error class. */
export type PhimaskErrorCode =
  | 'PHIMASK_ERROR'
  | 'PHIMASK_POLICY'
  | 'PHIMASK_INPUT'
  | 'PHIMASK_ENGINE_FILE'
  | 'PHIMASK_KEY'
  | 'PHIMASK_IO'
  | 'PHIMASK_INTERNAL'
  | 'PHIMASK_VAULT'
  | 'PHIMASK_BLOCKED';

/**
 * Base class of every error phimask throws or rejects with (wrong argument
 * types are plain `TypeError`/`RangeError`s naming the call and its signature).
 * No message ever contains input text or a matched value: errors about an
 * input say which one (`texts[3]`) and where (an index), so they are safe to log.
 *
 * @example
 * try {
 *   Engine.load('/nonexistent/engine.bin');
 * } catch (e) {
 *   if (e instanceof phimask.PhimaskError) console.log(e.code); // 'PHIMASK_IO'
 * }
 */
export class PhimaskError extends Error {
  constructor(message: string, options?: { pointer?: string; detector?: string });
  /** Stable code of the error's class. */
  readonly code: PhimaskErrorCode;
  /**
   * For policy errors: the RFC 6901 JSON pointer of the faulty field, prefixed
   * with the pack file for faults inside a detector pack
   * (`'us_core.json#/detectors/2/pattern'`); otherwise `''`.
   */
  readonly pointer: string;
  /** For policy errors: the name of the detector at fault, or `''`. */
  readonly detector: string;
  /** The class's code. */
  static readonly code: PhimaskErrorCode;
}

/**
 * The policy is invalid: a field, a detector, a regular expression. Code `PHIMASK_POLICY`.
 *
 * @example
 * try {
 *   new Engine({ packs: [], detectors: [{ name: 'mrn', type: 'MRN', pattern: '([0-9]' }] });
 * } catch (e) {
 *   [e.pointer, e.detector]; // ['/detectors/0/pattern', 'mrn']
 * }
 */
export class PolicyError extends PhimaskError {
  readonly code: 'PHIMASK_POLICY';
  static readonly code: 'PHIMASK_POLICY';
}

/**
 * An input cannot be processed: too large, or a string with a lone surrogate
 * (which UTF-8 cannot encode; the message gives its index). Code `PHIMASK_INPUT`.
 *
 * @example
 * phimask.redact('SSN 123-45-6789 \ud800');
 * // throws InputError: input error: the text has a lone surrogate at index 16, which UTF-8 cannot encode
 */
export class InputError extends PhimaskError {
  readonly code: 'PHIMASK_INPUT';
  static readonly code: 'PHIMASK_INPUT';
}

/**
 * A serialized engine is corrupt, or was built by another phimask or Hyperscan
 * version, for another CPU platform, or for another policy. Code `PHIMASK_ENGINE_FILE`.
 *
 * @example
 * Engine.fromBuffer(Buffer.from('not an engine')); // throws EngineFileError
 */
export class EngineFileError extends PhimaskError {
  readonly code: 'PHIMASK_ENGINE_FILE';
  static readonly code: 'PHIMASK_ENGINE_FILE';
}

/**
 * A required key is missing or unusable: a policy with a `hash` action needs
 * `options.hashKey`. Code `PHIMASK_KEY`.
 *
 * @example
 * new Engine({ packs: [], actions: { default: 'hash' },
 *              detectors: [{ name: 'id', type: 'ID', pattern: 'ID-[0-9]+' }] }); // throws HashKeyError
 */
export class HashKeyError extends PhimaskError {
  readonly code: 'PHIMASK_KEY';
  static readonly code: 'PHIMASK_KEY';
}

/**
 * A policy or engine file could not be read or written. Code `PHIMASK_IO`.
 *
 * @example
 * new Engine('/nonexistent/policy.json'); // throws FileError: io error: cannot open policy file ...
 */
export class FileError extends PhimaskError {
  readonly code: 'PHIMASK_IO';
  static readonly code: 'PHIMASK_IO';
}

/**
 * A library failure (Hyperscan, ICU, OpenSSL, out of memory). Nothing of the
 * input is returned. Code `PHIMASK_INTERNAL`.
 *
 * @example
 * phimask.InternalError.prototype instanceof phimask.PhimaskError; // true
 */
export class InternalError extends PhimaskError {
  readonly code: 'PHIMASK_INTERNAL';
  static readonly code: 'PHIMASK_INTERNAL';
}

/**
 * A sealed vault does not open: a key that is not 32 bytes, the wrong key,
 * altered bytes, not a vault, or a newer format. Code `PHIMASK_VAULT`.
 *
 * @example
 * phimask.VaultError.prototype instanceof phimask.PhimaskError; // true
 */
export class VaultError extends PhimaskError {
  readonly code: 'PHIMASK_VAULT';
  static readonly code: 'PHIMASK_VAULT';
}

/**
 * A streamed text reached a value whose action is `block` ({@link redactChunks},
 * {@link createChunkRedactStream}): nothing from the value on was emitted;
 * discard what was emitted before it. `types` names the blocking entity types.
 */
export class BlockedError extends PhimaskError {
  readonly code: 'PHIMASK_BLOCKED';
  static readonly code: 'PHIMASK_BLOCKED';
  readonly types: readonly string[];
}

// Streaming: text that arrives in pieces -----------------------------------------

/** Options of {@link StreamRedactor}, {@link redactChunks} and {@link createChunkRedactStream}. */
export interface StreamRedactorOptions {
  /** The engine (default: {@link defaultEngine}). */
  engine?: Engine;
  /** A conversation's vault: a `token` action numbers values in it, as `engine.redact(text, { vault })` does. */
  vault?: Vault;
}

/**
 * Redacts a text that arrives in pieces of any size (an LLM's streamed answer),
 * returning only text that is final. Everything push() and finish() return,
 * joined, equals `engine.redact(wholeText).text` however the text was cut. At
 * most {@link StreamRedactor.maxHoldBack} bytes (253 for the default policy)
 * wait for the text after them; text comes out in pieces of about a hundred bytes.
 * When a `block` action fires, nothing more comes out and `blocked` turns true.
 * Runs on the calling thread: each push is bounded work.
 *
 * @example
 * const stream = new phimask.StreamRedactor();
 * let out = '';
 * for (const piece of ['Call 617-', '555-0142 ', 'today.']) out += stream.push(piece);
 * out += stream.finish(); // 'Call {PHONE} today.'
 */
export class StreamRedactor {
  constructor(options?: StreamRedactorOptions);
  /** The most `heldBytes` can be after push() returns, for `engine` (default: the default engine). */
  static maxHoldBack(engine?: Engine): number;
  /**
   * Adds `text`; returns the redacted text that became final (often empty), a
   * string for a string and a Buffer for a Buffer.
   * @throws {InputError} after finish(), or when a value stuffed with characters
   * that normalization drops stays undecided past 64 KiB.
   */
  push(text: string): string;
  push(text: Buffer): Buffer;
  /** Ends the stream; returns the rest (a Buffer if the last push was a Buffer). */
  finish(): string | Buffer;
  readonly blocked: boolean;
  /** Sorted blocking entity types, when blocked. */
  readonly blockingTypes: readonly string[];
  /** Spans released so far, per entity type. */
  readonly counts: Readonly<Record<string, number>>;
  /** UTF-8 bytes received but not yet released. */
  readonly heldBytes: number;
}

/**
 * Puts a vault's values back into a streamed answer, as {@link Vault.restore}
 * does; a token or surrogate split across pieces is restored. At most twice the
 * longest token (96 bytes) or surrogate the vault holds is held back (or one
 * longer word), and text comes out in pieces.
 */
export class StreamRestorer {
  constructor(vault: Vault);
  push(text: string): string;
  push(text: Buffer): Buffer;
  finish(): string | Buffer;
  /** Tokens restored so far. */
  readonly restored: number;
  /** Tokens the vault does not hold, once each in order, written canonically. */
  readonly unknown: readonly string[];
}

/**
 * Yields the redacted text of `source` (strings or Buffers, sync or async) as
 * it becomes final; empty pieces are skipped. Chunks over 64 KiB are handed to
 * the core in slices with a turn of the event loop between them.
 * @throws {BlockedError} a `block` action fired.
 * @example
 * for await (const text of phimask.redactChunks(modelStream)) process.stdout.write(text);
 */
export function redactChunks(
  source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  options?: StreamRedactorOptions,
): AsyncGenerator<string | Buffer, void, undefined>;

/** Yields the restored text of `source` (a streamed answer) as it becomes final. */
export function restoreChunks(
  source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  vault: Vault,
): AsyncGenerator<string | Buffer, void, undefined>;

/**
 * A Transform (bytes in, bytes out) that redacts a byte stream as it arrives,
 * with the output of {@link StreamRedactor}; errors with {@link BlockedError}
 * when a `block` action fires.
 * @example
 * process.stdin.pipe(phimask.createChunkRedactStream()).pipe(process.stdout);
 */
export function createChunkRedactStream(options?: StreamRedactorOptions): Transform;

/** A Transform (bytes in, bytes out) that restores a vault's tokens in a byte stream. */
export function createRestoreStream(vault: Vault): Transform;

// Logs: a redacting line stream ------------------------------------------------

/** `'text'`: each line is one text. `'json'`: each line is JSON Lines (string values redacted). */
export type RedactStreamFormat = 'text' | 'json';

/** Options of {@link createRedactStream} and the {@link RedactStream} constructor. */
export interface RedactStreamOptions {
  /**
   * The engine to redact with. Default: `phimask.defaultEngine()`, loaded
   * when the first line arrives.
   */
  engine?: Engine;
  /**
   * `'text'` (the default): every line is redacted as one text.
   *
   * `'json'`: every line is parsed as JSON and each of its string values
   * (never its keys) is redacted on its own, as `phimask redact --jsonl`
   * does; keys, numbers, literals, whitespace and unchanged strings stay as
   * written, so the line stays valid JSON. A blank line is kept; a line that
   * is not valid JSON (or not UTF-8) is redacted as text, never passed through.
   */
  format?: RedactStreamFormat;
  /**
   * The longest line accepted, in bytes without its line ending. Default
   * {@link DEFAULT_MAX_LINE_BYTES} (1 MiB). A longer line destroys the stream
   * with an `InputError` (code `'PHIMASK_INPUT'`) naming its line number and
   * the limit; nothing of that line, or after it, is emitted.
   */
  maxLineBytes?: number;
  /**
   * Blocks of lines scanned at once, each on its own thread of libuv's pool
   * (output stays in input order): 0 (the default) one per CPU.
   */
  threads?: number;
  /**
   * What a line the policy blocks becomes. `null` (the default): it is left
   * out of the output, as the CLI does. A string (without line breaks): it
   * replaces the line, followed by the line's own ending; in `'json'` mode
   * give valid JSON, e.g. `'{"phimask":"blocked"}'`. Either way a
   * `'blocked'` event names the line number and the blocking types.
   */
  blockedLine?: string | null;
}

/** The payload of the `'blocked'` event: where and why, never what. */
export interface BlockedLineInfo {
  /** 1-based number of the line in the stream. */
  line: number;
  /** The entity types whose action is `block`, sorted (names only, never values). */
  types: string[];
}

/** 1 MiB: the default `maxLineBytes`. */
export const DEFAULT_MAX_LINE_BYTES: number;

/**
 * A Transform that redacts newline-delimited text or JSON lines, for logs and
 * other line streams of any size.
 *
 * - Input: `Buffer`s or strings cut anywhere (inside a line, a `\r\n` or a
 *   multi-byte UTF-8 character). Output: `Buffer`s; every line redacted, its
 *   `\n` or `\r\n` kept; a last line without a newline stays without one.
 *   Bytes outside redacted spans are kept as they are.
 * - Each chunk's complete lines go to the C++ core in blocks of up to 1 MiB,
 *   off the event loop (the same line redaction as `phimask redact --jsonl`),
 *   and are pushed in input order. A chunk is acknowledged only while fewer
 *   than `threads` blocks are pending, so backpressure holds and memory stays
 *   bounded by `threads` chunks plus one partial line (at most `maxLineBytes`).
 * - Fails closed: an engine error or an overlong line destroys the stream with
 *   that error, after the lines before it; nothing unredacted is ever emitted.
 *
 * Events: the usual Transform events, plus `'blocked'` ({@link BlockedLineInfo}).
 *
 * @example
 * const fs = require('node:fs');
 * const { pipeline } = require('node:stream/promises');
 * const { createRedactStream } = require('phimask');
 *
 * await pipeline(
 *   fs.createReadStream('app.log.jsonl'),
 *   createRedactStream({ format: 'json' }),
 *   fs.createWriteStream('app.redacted.jsonl'),
 * );
 */
export class RedactStream extends Transform {
  /** @throws {TypeError} when an option has the wrong type or value. */
  constructor(options?: RedactStreamOptions);
  /** The format given (or `'text'`). */
  readonly format: RedactStreamFormat;
  /** The line length limit in bytes. */
  readonly maxLineBytes: number;

  on(event: 'blocked', listener: (info: BlockedLineInfo) => void): this;
  on(event: string | symbol, listener: (...args: any[]) => void): this;
  once(event: 'blocked', listener: (info: BlockedLineInfo) => void): this;
  once(event: string | symbol, listener: (...args: any[]) => void): this;
}

/**
 * A new {@link RedactStream}.
 *
 * @example
 * // stdin to stdout, one text per line; blocked lines replaced by a notice
 * const { createRedactStream } = require('phimask');
 * process.stdin
 *   .pipe(createRedactStream({ blockedLine: '[blocked]' }))
 *   .on('blocked', ({ line, types }) => console.error(`line ${line} blocked: ${types.join(', ')}`))
 *   .pipe(process.stdout);
 */
export function createRedactStream(options?: RedactStreamOptions): RedactStream;
