'use strict';
// RedactStream: a Transform that redacts newline-delimited text or JSON lines.
//
// Lines are cut on "\n" bytes, so a chunk boundary inside a multi-byte UTF-8
// character or inside a "\r\n" changes nothing. Each chunk's complete lines go
// to the core as one block (phimask::redact_lines, off the event loop, on the
// engine's threads) and the transform callback runs only once that block is
// pushed, so the Transform's own backpressure holds: nothing is read ahead of a
// slow consumer. Memory is bounded by one chunk plus one partial line of at
// most maxLineBytes.

const { Transform } = require('node:stream');
const { Engine, redactLines } = require('./engine');
const { InputError } = require('./errors');

const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
// A chunk's lines go to the core in blocks of about this many bytes, so one
// huge write does not become one huge block (and one huge output buffer).
const BLOCK_BYTES = 1024 * 1024;
const LF = 0x0a;
const CR = 0x0d;
const EMPTY = Buffer.alloc(0);
const SIGNATURE = "createRedactStream({ engine?, format?: 'text' | 'json', maxLineBytes?, threads?, blockedLine? })";

class RedactStream extends Transform {
    /** See node/index.d.ts (RedactStreamOptions) for the options and what each line becomes. */
    constructor(options = {}) {
        super();
        const opts = validateOptions(options);
        this.format = opts.format;
        this.maxLineBytes = opts.maxLineBytes;
        this._engine = opts.engine;
        this._threads = opts.threads ?? 0;
        this._blockedLine = opts.blockedLine === null ? null : Buffer.from(opts.blockedLine, 'utf8');
        this._partial = EMPTY; // bytes after the last "\n" seen (a copy)
        this._linesDone = 0; // lines already pushed or reported
    }

    _transform(chunk, encoding, callback) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding);
        this._consume(bytes, false).then(() => callback(), callback);
    }

    _flush(callback) {
        this._consume(EMPTY, true).then(() => callback(), callback);
    }

    async _consume(bytes, final) {
        const data = this._partial.length === 0 ? bytes : Buffer.concat([this._partial, bytes]);
        this._partial = EMPTY;
        // Complete lines end at the last "\n"; at the end of the stream a last
        // line without one is complete too.
        const complete = final ? data.length : data.lastIndexOf(LF) + 1;
        let blockStart = 0;
        let lineStart = 0;
        while (lineStart < complete) {
            const nl = data.indexOf(LF, lineStart);
            const next = nl === -1 || nl >= complete ? complete : nl + 1;
            if (contentLength(data, lineStart, next) > this.maxLineBytes) {
                await this._redactBlock(data.subarray(blockStart, lineStart));
                throw this._overlong();
            }
            lineStart = next;
            if (lineStart - blockStart >= BLOCK_BYTES) {
                await this._redactBlock(data.subarray(blockStart, lineStart));
                blockStart = lineStart;
            }
        }
        await this._redactBlock(data.subarray(blockStart, complete));
        const rest = data.length - complete;
        // One more byte may still be the "\r" of a "\r\n".
        if (rest > this.maxLineBytes + 1) throw this._overlong();
        // Copied: the writer may reuse its buffer once this chunk is done.
        if (rest > 0) this._partial = Buffer.from(data.subarray(complete));
    }

    // Called once every line before the overlong one is pushed.
    _overlong() {
        const line = this._linesDone + 1;
        return new InputError(`RedactStream: line ${line} is longer than maxLineBytes (${this.maxLineBytes} bytes)`);
    }

    // Redacts a block of complete lines and pushes the output as one buffer:
    // the lines before a failed one, and then the error.
    async _redactBlock(block) {
        if (block.length === 0) return;
        this._engine ??= require('./default').defaultEngine();
        const [text, blocked, lines, failed, error] = await this._engine[redactLines](
            block,
            this.format === 'json',
            this._threads,
            this._blockedLine,
            this._linesDone + 1,
        );
        for (const [index, types] of blocked) {
            if (failed !== -1 && index > failed) break;
            this.emit('blocked', { line: this._linesDone + index + 1, types });
        }
        if (!this.destroyed && text.length > 0) this.push(text);
        if (error !== null) throw error;
        this._linesDone += lines;
    }
}

/**
 * A RedactStream (see node/index.d.ts).
 * @param {object} [options]
 * @returns {RedactStream}
 */
function createRedactStream(options) {
    return new RedactStream(options);
}

// Bytes of the line data[start, end) without its "\n" or "\r\n".
function contentLength(data, start, end) {
    let n = end;
    if (n > start && data[n - 1] === LF) {
        n -= 1;
        if (n > start && data[n - 1] === CR) n -= 1;
    }
    return n - start;
}

function validateOptions(options) {
    if (options === null || typeof options !== 'object') throw new TypeError(`${SIGNATURE}: options must be an object`);
    const { engine, format = 'text', maxLineBytes = DEFAULT_MAX_LINE_BYTES, threads, blockedLine = null } = options;
    if (engine !== undefined && !(engine instanceof Engine)) {
        throw new TypeError(`${SIGNATURE}: engine must be a phimask Engine`);
    }
    if (format !== 'text' && format !== 'json') throw new TypeError(`${SIGNATURE}: format must be 'text' or 'json'`);
    if (!Number.isSafeInteger(maxLineBytes) || maxLineBytes < 1) {
        throw new TypeError(`${SIGNATURE}: maxLineBytes must be a positive integer`);
    }
    if (threads !== undefined && (!Number.isSafeInteger(threads) || threads < 0)) {
        throw new TypeError(`${SIGNATURE}: threads must be a non-negative integer`);
    }
    if (blockedLine !== null && (typeof blockedLine !== 'string' || /[\r\n]/.test(blockedLine))) {
        throw new TypeError(`${SIGNATURE}: blockedLine must be null or a string without line breaks`);
    }
    return { engine, format, maxLineBytes, threads, blockedLine };
}

module.exports = { RedactStream, createRedactStream, DEFAULT_MAX_LINE_BYTES };
