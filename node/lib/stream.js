'use strict';
// RedactStream: a Transform that redacts newline-delimited text or JSON lines.
//
// Lines are cut on "\n" bytes, so a chunk boundary inside a multi-byte UTF-8
// character or inside a "\r\n" changes nothing. Each chunk's complete lines go
// to the core in blocks of up to 1 MiB (phimask::redact_lines on libuv's thread
// pool, off the event loop), pushed in input order. A chunk is acknowledged
// only while fewer than `threads` blocks are pending, so the Transform's own
// backpressure holds: memory is bounded by `threads` chunks (and the blocks of
// the chunk at hand) plus one partial line of at most maxLineBytes.

const os = require('node:os');
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
        // Blocks in flight at once, each on its own thread of libuv's pool.
        this._inFlight = opts.threads === undefined || opts.threads === 0 ? defaultThreads() : opts.threads;
        this._blockedLine = opts.blockedLine === null ? null : Buffer.from(opts.blockedLine, 'utf8');
        this._partial = EMPTY; // bytes after the last "\n" seen (a copy)
        this._nextLine = 1; // the number of the next line to queue
        this._jobs = []; // queued blocks, oldest first: { promise, firstLine } or { error }
    }

    _transform(chunk, encoding, callback) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding);
        this._queue(bytes, false);
        // Acknowledged while fewer than _inFlight blocks are pending: the next
        // chunk is scanned while this one is, and memory stays bounded.
        this._drain(this._inFlight - 1).then(() => callback(), callback);
    }

    _flush(callback) {
        this._queue(EMPTY, true);
        this._drain(0).then(() => callback(), callback);
    }

    // Cuts the chunk's complete lines into blocks and queues them; an overlong
    // line queues its error after the lines before it.
    _queue(bytes, final) {
        const data = this._partial.length === 0 ? bytes : Buffer.concat([this._partial, bytes]);
        this._partial = EMPTY;
        // Complete lines end at the last "\n"; at the end of the stream a last
        // line without one is complete too.
        const complete = final ? data.length : data.lastIndexOf(LF) + 1;
        let blockStart = 0;
        let blockLines = 0;
        let lineStart = 0;
        while (lineStart < complete) {
            const nl = data.indexOf(LF, lineStart);
            const next = nl === -1 || nl >= complete ? complete : nl + 1;
            if (contentLength(data, lineStart, next) > this.maxLineBytes) {
                this._queueBlock(data.subarray(blockStart, lineStart), blockLines);
                return this._queueOverlong();
            }
            lineStart = next;
            blockLines += 1;
            if (lineStart - blockStart >= BLOCK_BYTES) {
                this._queueBlock(data.subarray(blockStart, lineStart), blockLines);
                blockStart = lineStart;
                blockLines = 0;
            }
        }
        this._queueBlock(data.subarray(blockStart, complete), blockLines);
        const rest = data.length - complete;
        // One more byte may still be the "\r" of a "\r\n".
        if (rest > this.maxLineBytes + 1) return this._queueOverlong();
        // Copied: the writer may reuse its buffer once this chunk is done.
        if (rest > 0) this._partial = Buffer.from(data.subarray(complete));
    }

    _queueBlock(block, lines) {
        if (lines === 0) return;
        this._engine ??= require('./default').defaultEngine();
        // The block is copied before the call returns; the work runs off the main thread.
        const promise = this._engine[redactLines](block, this.format === 'json', this._blockedLine, this._nextLine);
        promise.catch(() => {}); // a job left behind by an earlier failure settles unobserved
        this._jobs.push({ promise, firstLine: this._nextLine });
        this._nextLine += lines;
    }

    _queueOverlong() {
        const error = new InputError(
            `RedactStream: line ${this._nextLine} is longer than maxLineBytes (${this.maxLineBytes} bytes)`,
        );
        this._jobs.push({ error });
    }

    // Pushes finished blocks in order until at most `pending` are left; throws
    // the first failure, once the lines before it are pushed.
    async _drain(pending) {
        while (this._jobs.length > pending) {
            const job = this._jobs.shift();
            if (job.error) throw job.error;
            const [text, blocked, error] = await job.promise;
            for (const [index, types] of blocked) this.emit('blocked', { line: job.firstLine + index, types });
            if (!this.destroyed && text.length > 0) this.push(text);
            if (error !== null) throw error;
        }
    }
}

function defaultThreads() {
    return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
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
