/// <reference types="node" />
import { Transform } from 'node:stream';
import type { Engine } from '../index';

/** `'text'`: each line is one text. `'json'`: each line is JSON Lines (string values redacted). */
export type RedactStreamFormat = 'text' | 'json';

/** Options of {@link createRedactStream} and the {@link RedactStream} constructor. */
export interface RedactStreamOptions {
    /**
     * The engine to redact with (only its `redactManyAsync` is used). Default:
     * `phimask.defaultEngine()`, loaded when the first line arrives.
     */
    engine?: Pick<Engine, 'redactManyAsync'>;
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
    /** Threads for each batch (passed to `engine.redactManyAsync`); default: the engine's choice. */
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
 * - Each chunk's complete lines go to the engine as one batch
 *   (`redactManyAsync`, off the event loop). A chunk is acknowledged only once
 *   its lines are pushed, so backpressure holds and memory stays bounded by a
 *   chunk plus one partial line (at most `maxLineBytes`).
 * - Fails closed: an engine error or an overlong line destroys the stream with
 *   that error; nothing unredacted is ever emitted.
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
