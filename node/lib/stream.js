'use strict';
// RedactStream: a Transform that redacts newline-delimited text or JSON lines.
//
// Lines are cut on "\n" bytes, so a chunk boundary inside a multi-byte UTF-8
// character or inside a "\r\n" changes nothing. Each chunk's complete lines go
// to the engine as one batch (Engine.redactManyAsync, off the event loop) and
// the transform callback runs only once that batch is pushed, so the Transform's
// own backpressure holds: nothing is read ahead of a slow consumer. Memory is
// bounded by one chunk plus one partial line of at most maxLineBytes.

const { Transform } = require('node:stream');
const { isUtf8 } = require('node:buffer');
const { InputError } = require('./errors');
const { stringValues, replaceValues } = require('./json_lines');

const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
// A chunk's lines go to the engine in batches of about this many bytes, so one
// huge write does not become one huge batch (and one huge output buffer).
const BATCH_BYTES = 1024 * 1024;
const LF = 0x0a;
const CR = 0x0d;
const SIGNATURE = "createRedactStream({ engine?, format?: 'text' | 'json', maxLineBytes?, threads?, blockedLine? })";

class RedactStream extends Transform {
    /** See node/index.d.ts (RedactStreamOptions) for the options and what each line becomes. */
    constructor(options = {}) {
        super();
        const opts = validateOptions(options);
        this.format = opts.format;
        this.maxLineBytes = opts.maxLineBytes;
        this._engine = opts.engine;
        this._asyncOptions = opts.threads === undefined ? {} : { threads: opts.threads };
        this._blockedLine = opts.blockedLine === null ? null : Buffer.from(opts.blockedLine, 'utf8');
        this._pieces = []; // the partial line: bytes after the last "\n" seen
        this._pieceBytes = 0;
        this._linesDone = 0; // lines before the first of the current batch
    }

    _transform(chunk, encoding, callback) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding);
        this._consume(bytes, false).then(() => callback(), callback);
    }

    _flush(callback) {
        this._consume(Buffer.alloc(0), true).then(() => callback(), callback);
    }

    async _consume(bytes, final) {
        let batch = [];
        let batchBytes = 0;
        let start = 0;
        for (let nl = bytes.indexOf(LF); nl !== -1; nl = bytes.indexOf(LF, start)) {
            const piece = bytes.subarray(start, nl + 1);
            const line = this._pieces.length === 0 ? piece : Buffer.concat([...this._pieces, piece]);
            this._pieces = [];
            this._pieceBytes = 0;
            start = nl + 1;
            if (contentLength(line) > this.maxLineBytes) {
                await this._redactBatch(batch);
                throw this._overlong();
            }
            batch.push(line);
            batchBytes += line.length;
            if (batchBytes >= BATCH_BYTES) {
                await this._redactBatch(batch);
                batch = [];
                batchBytes = 0;
            }
        }
        if (start < bytes.length) {
            // Copied: the writer may reuse its buffer once this chunk is done.
            this._pieces.push(Buffer.from(bytes.subarray(start)));
            this._pieceBytes += bytes.length - start;
            // One more byte may still be the "\r" of a "\r\n".
            if (this._pieceBytes > this.maxLineBytes + 1) {
                this._pieces = [];
                await this._redactBatch(batch);
                throw this._overlong();
            }
        }
        if (final && this._pieces.length > 0) {
            const last = Buffer.concat(this._pieces);
            this._pieces = [];
            if (contentLength(last) > this.maxLineBytes) {
                await this._redactBatch(batch);
                throw this._overlong();
            }
            batch.push(last);
        }
        await this._redactBatch(batch);
    }

    // Called once every line before the overlong one is pushed.
    _overlong() {
        const line = this._linesDone + 1;
        return new InputError(`RedactStream: line ${line} is longer than maxLineBytes (${this.maxLineBytes} bytes)`);
    }

    // Redacts complete lines (each with its line ending, the last maybe without)
    // and pushes the result as one buffer; pushes nothing if anything fails.
    async _redactBatch(lines) {
        if (lines.length === 0) return;
        const plans = lines.map((line) => this._plan(line));
        // Each distinct JSON string value goes to the engine once per batch (log
        // lines repeat many: levels, services, paths); redaction is deterministic.
        const items = [];
        const slots = new Map();
        for (const plan of plans) {
            if (plan.text !== undefined) {
                plan.slot = items.push(plan.text) - 1;
            } else if (plan.tokens !== undefined) {
                plan.slots = plan.tokens.map((token) => {
                    let slot = slots.get(token.value);
                    if (slot === undefined) slots.set(token.value, (slot = items.push(token.value) - 1));
                    return slot;
                });
            }
        }
        let results = [];
        if (items.length > 0) {
            this._engine ??= require('./index').defaultEngine();
            results = await this._engine.redactManyAsync(items, this._asyncOptions);
            if (!Array.isArray(results) || results.length !== items.length) {
                throw new Error('RedactStream: the engine returned a result count different from the line count');
            }
        }
        const out = [];
        plans.forEach((plan, index) => {
            let redacted = plan.content; // blank lines, and JSON lines without strings
            let blockingTypes = null;
            if (plan.text !== undefined) {
                const result = results[plan.slot];
                if (result.blocked) blockingTypes = result.summary.blockingTypes;
                else redacted = result.text;
            } else if (plan.tokens !== undefined && plan.tokens.length > 0) {
                const values = plan.slots.map((slot) => {
                    const result = results[slot];
                    if (result.blocked) blockingTypes = (blockingTypes ?? []).concat(result.summary.blockingTypes);
                    return result.text;
                });
                if (blockingTypes === null) redacted = replaceValues(plan.json, plan.tokens, values);
            }
            if (blockingTypes !== null) {
                const types = [...new Set(blockingTypes)].sort();
                this.emit('blocked', { line: this._linesDone + index + 1, types });
                if (this._blockedLine === null) return;
                redacted = this._blockedLine;
            }
            out.push(typeof redacted === 'string' ? Buffer.from(redacted, 'utf8') : redacted, plan.ending);
        });
        this._linesDone += lines.length;
        if (!this.destroyed) this.push(Buffer.concat(out));
    }

    // What to send to the engine for one line: its content as text, or the
    // string values of its JSON (with the decoded line they came from).
    _plan(line) {
        const length = contentLength(line);
        const plan = { content: line.subarray(0, length), ending: line.subarray(length) };
        if (length === 0) return plan;
        if (this.format === 'json') {
            if (isBlank(plan.content)) return plan;
            if (isUtf8(plan.content)) {
                const json = plan.content.toString('utf8');
                const tokens = stringValues(json);
                if (tokens !== null) {
                    plan.json = json;
                    plan.tokens = tokens.filter((token) => token.value.length > 0);
                    return plan;
                }
            }
        }
        plan.text = plan.content; // a text line, or a line that is not JSON: redacted as text
        return plan;
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

// Bytes of a line without its "\n" or "\r\n".
function contentLength(line) {
    let n = line.length;
    if (n > 0 && line[n - 1] === LF) {
        n -= 1;
        if (n > 0 && line[n - 1] === CR) n -= 1;
    }
    return n;
}

function isBlank(bytes) {
    for (const c of bytes) {
        if (c !== 0x20 && c !== 0x09 && c !== CR) return false;
    }
    return true;
}

function validateOptions(options) {
    if (options === null || typeof options !== 'object') throw new TypeError(`${SIGNATURE}: options must be an object`);
    const { engine, format = 'text', maxLineBytes = DEFAULT_MAX_LINE_BYTES, threads, blockedLine = null } = options;
    if (engine !== undefined && (engine === null || typeof engine.redactManyAsync !== 'function')) {
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
