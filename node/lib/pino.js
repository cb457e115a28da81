'use strict';
// phimask/pino: redacts every pino log line in pino's `hooks.streamWrite`, the
// last step before a line reaches its destination (a file, stdout, a transport),
// so the message, merged objects, child bindings and serialized errors are all
// covered. See pino.d.ts.

const { stringValues, replaceValues, BLOCKED_MESSAGE, withheldNotice } = require('./json_lines');

/**
 * The `hooks.streamWrite` function: a serialized pino line in, the same line
 * with every string value redacted out. Never throws.
 *
 * @param {{ engine?: object }} [options]
 * @returns {(line: string) => string}
 */
function streamWrite(options = {}) {
    if (options === null || typeof options !== 'object') {
        throw new TypeError('phimask/pino streamWrite({ engine? }): options must be an object');
    }
    return makeHook(checkEngine(options.engine, 'streamWrite({ engine? })'));
}

function makeHook(engine) {
    return function phimaskStreamWrite(line) {
        try {
            engine ??= require('./index').defaultEngine();
            return redactLine(engine, String(line));
        } catch (error) {
            return withheldLine(String(line), error);
        }
    };
}

/**
 * pino options with the redacting hook added: `pino(phimaskPino.options({ engine, level: 'debug' }))`.
 * `engine` is taken out; everything else goes to pino as given. A `hooks.streamWrite`
 * of your own runs first, its output is redacted.
 *
 * @param {object} [pinoOptions] pino's options, plus `engine`
 * @returns {object} pino's options
 */
function options(pinoOptions = {}) {
    if (pinoOptions === null || typeof pinoOptions !== 'object') {
        throw new TypeError('phimask/pino options({ engine?, ...pinoOptions }): the argument must be an object');
    }
    const { engine, ...rest } = pinoOptions;
    const redact = makeHook(checkEngine(engine, 'options({ engine?, ...pinoOptions })'));
    const own = rest.hooks?.streamWrite;
    if (own !== undefined && typeof own !== 'function') {
        throw new TypeError('phimask/pino options({ engine?, ...pinoOptions }): hooks.streamWrite must be a function');
    }
    const hook = own === undefined ? redact : (line) => redact(own(line));
    return { ...rest, hooks: { ...rest.hooks, streamWrite: hook } };
}

function redactLine(engine, line) {
    const tokens = stringValues(line);
    if (tokens === null) {
        // Not JSON (a custom serializer or hook): redacted as one text.
        const { content, ending } = splitEnding(line);
        const result = engine.redact(content);
        return (result.blocked ? BLOCKED_MESSAGE : result.text) + ending;
    }
    const toRedact = tokens.filter((token) => token.value.length > 0);
    if (toRedact.length === 0) return line;
    const results = engine.redactMany(toRedact.map((token) => token.value));
    if (!Array.isArray(results) || results.length !== toRedact.length) {
        throw new Error('the engine returned a result count different from the text count');
    }
    return replaceValues(
        line,
        toRedact,
        results.map((result) => (result.blocked ? BLOCKED_MESSAGE : result.text)),
    );
}

// Fail closed, and keep the line's shape: keys, numbers (level, time) and
// literals stay; every string value becomes the notice.
function withheldLine(line, error) {
    const notice = withheldNotice(error);
    let tokens = null;
    try {
        tokens = stringValues(line);
    } catch {
        // fall through to the fixed line
    }
    if (tokens !== null) return replaceValues(line, tokens, tokens.map(() => notice));
    return JSON.stringify({ msg: notice }) + splitEnding(line).ending;
}

function splitEnding(line) {
    const match = /\r?\n$/.exec(line);
    return match === null
        ? { content: line, ending: '' }
        : { content: line.slice(0, match.index), ending: match[0] };
}

function checkEngine(engine, signature) {
    if (engine === undefined) return undefined;
    if (engine === null || typeof engine.redact !== 'function' || typeof engine.redactMany !== 'function') {
        throw new TypeError(`phimask/pino ${signature}: engine must be a phimask Engine`);
    }
    return engine;
}

module.exports = { streamWrite, options, BLOCKED_MESSAGE };
