'use strict';
// phimask/winston: a winston (logform) format that redacts a log entry. Put it
// last in format.combine(...), after the format that writes the final line
// (json, printf, simple...): it then redacts that line too. See winston.d.ts.

const { stringValues, replaceValues, BLOCKED_MESSAGE, withheldNotice } = require('./json_lines');

// triple-beam's symbols (winston's own): the final line, and the interpolation arguments.
const MESSAGE = Symbol.for('message');
const SPLAT = Symbol.for('splat');
// Deeper values are replaced rather than walked (a guard against pathological objects).
const MAX_DEPTH = 64;
const DEPTH_NOTICE = '[phimask: value too deeply nested]';
const SIGNATURE = 'phimask/winston redactFormat({ engine? })';

/**
 * A format (an object with `transform(info)`, as logform's formats are) that
 * redacts `info` in place and returns it; never throws, never drops an entry.
 *
 * @param {{ engine?: object }} [options]
 * @returns {{ options: object, transform: (info: object) => object }}
 */
function redactFormat(options = {}) {
    if (options === null || typeof options !== 'object') throw new TypeError(`${SIGNATURE}: options must be an object`);
    let engine = options.engine;
    if (engine !== undefined && (engine === null || typeof engine.redactMany !== 'function')) {
        throw new TypeError(`${SIGNATURE}: engine must be a phimask Engine`);
    }
    return {
        options,
        transform(info) {
            try {
                engine ??= require('./index').defaultEngine();
                redactInfo(engine, info);
            } catch (error) {
                withhold(info, withheldNotice(error));
            }
            return info;
        },
    };
}

// The fields to redact: every own enumerable property but `level` (winston's
// level name, which routes the entry), the message and stack of an entry that
// is itself an Error, and the splat arguments.
function fieldsOf(info) {
    const keys = Object.keys(info).filter((key) => key !== 'level');
    for (const key of ['message', 'stack']) {
        if (!keys.includes(key) && typeof info[key] === 'string') keys.push(key);
    }
    return keys;
}

function redactInfo(engine, info) {
    const keys = fieldsOf(info);
    const texts = new Set();
    for (const key of keys) collect(info[key], texts, 0, new Set());
    if (Array.isArray(info[SPLAT])) collect(info[SPLAT], texts, 0, new Set());
    const finalLine = typeof info[MESSAGE] === 'string' ? info[MESSAGE] : undefined;
    const lineTokens = finalLine === undefined ? null : stringValues(finalLine);
    if (lineTokens !== null) for (const token of lineTokens) texts.add(token.value);
    else if (finalLine !== undefined) texts.add(finalLine);

    const redacted = redactAll(engine, texts);
    // Computed in full before anything is assigned: a failure leaves info to withhold().
    const values = keys.map((key) => rebuild(info[key], redacted, 0, new Map()));
    const splat = Array.isArray(info[SPLAT]) ? rebuild(info[SPLAT], redacted, 0, new Map()) : undefined;
    let line;
    if (lineTokens !== null) {
        line = replaceValues(finalLine, lineTokens, lineTokens.map((token) => redacted.get(token.value)));
    } else if (finalLine !== undefined) {
        line = redacted.get(finalLine);
    }
    keys.forEach((key, k) => {
        info[key] = values[k];
    });
    if (splat !== undefined) info[SPLAT] = splat;
    if (line !== undefined) info[MESSAGE] = line;
}

// One engine call for every distinct string of the entry.
function redactAll(engine, texts) {
    const list = [...texts].filter((text) => text.length > 0);
    const results = list.length === 0 ? [] : engine.redactMany(list);
    if (!Array.isArray(results) || results.length !== list.length) {
        throw new Error('the engine returned a result count different from the text count');
    }
    const map = new Map([['', '']]);
    list.forEach((text, k) => map.set(text, results[k].blocked ? BLOCKED_MESSAGE : results[k].text));
    return map;
}

function isWalked(value) {
    if (Array.isArray(value) || value instanceof Error) return true;
    if (value === null || typeof value !== 'object') return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

function collect(value, texts, depth, seen) {
    if (typeof value === 'string') {
        texts.add(value);
    } else if (isWalked(value) && depth < MAX_DEPTH && !seen.has(value)) {
        seen.add(value);
        for (const key of ownKeys(value)) collect(value[key], texts, depth + 1, seen);
    }
}

// A copy of `value` with its strings replaced; plain objects, arrays and
// Errors are copied (the caller's objects are never changed), anything else kept.
function rebuild(value, redacted, depth, copies) {
    if (typeof value === 'string') return redacted.get(value);
    if (!isWalked(value)) return value;
    if (depth >= MAX_DEPTH) return DEPTH_NOTICE;
    if (copies.has(value)) return copies.get(value); // a cycle, or the same object twice
    const copy = Array.isArray(value) ? [] : Object.create(Object.getPrototypeOf(value));
    copies.set(value, copy);
    for (const key of ownKeys(value)) {
        const item = rebuild(value[key], redacted, depth + 1, copies);
        if (Array.isArray(copy)) copy[key] = item;
        else Object.defineProperty(copy, key, { value: item, enumerable: isEnumerable(value, key), writable: true, configurable: true });
    }
    return copy;
}

// Own enumerable keys, plus an Error's message, stack and cause (not enumerable).
function ownKeys(value) {
    const keys = Object.keys(value);
    if (value instanceof Error) {
        for (const key of ['message', 'stack', 'cause']) {
            if (!keys.includes(key) && Object.prototype.hasOwnProperty.call(value, key)) keys.push(key);
        }
    }
    return keys;
}

function isEnumerable(value, key) {
    return Object.prototype.propertyIsEnumerable.call(value, key);
}

// Fail closed: every field but the level, the splat and the final line become the notice.
function withhold(info, notice) {
    for (const key of fieldsOf(info)) info[key] = notice;
    if (info[SPLAT] !== undefined) info[SPLAT] = [];
    if (info[MESSAGE] !== undefined) {
        let tokens = null;
        try {
            tokens = stringValues(String(info[MESSAGE]));
        } catch {
            // not JSON either way
        }
        // In a JSON line, the level name (kept in info.level too) stays.
        const keep = (token) => (token.value === info.level ? token.value : notice);
        info[MESSAGE] = tokens === null ? notice : replaceValues(info[MESSAGE], tokens, tokens.map(keep));
    }
}

module.exports = { redactFormat, BLOCKED_MESSAGE };
