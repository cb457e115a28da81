'use strict';
// The string values of one JSON text, and the text with some of them replaced:
// what `phimask redact --jsonl` does, for the logger hooks (RedactStream runs on
// the core's own line redaction); plus the two fixed notices the hooks write
// instead of a text.
//
// Only string values change; keys, numbers, literals, whitespace and the escapes
// of every string left unchanged are kept exactly as written, so a line with
// nothing to redact comes back byte for byte. A replaced value is written with
// JSON.stringify, so the result is always valid JSON.

/**
 * Where the string values (not the keys) of `text` are, or null when `text` is
 * not one valid JSON value (surrounding whitespace, a trailing "\r" included, is allowed).
 *
 * @param {string} text
 * @returns {{start: number, end: number, value: string}[] | null} each token's
 *   quotes are text[start] and text[end - 1]; `value` is the decoded string
 */
function stringValues(text) {
    try {
        JSON.parse(text); // validates: the scan below relies on the text being JSON
    } catch {
        return null;
    }
    const tokens = [];
    const n = text.length;
    let i = text.indexOf('"');
    while (i !== -1) {
        // In valid JSON every '"' outside a string opens one; find its closing quote.
        let end = text.indexOf('"', i + 1);
        for (;;) {
            let backslashes = 0;
            while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++; // backslashes
            if (backslashes % 2 === 0) break;
            end = text.indexOf('"', end + 1); // that quote was escaped
        }
        end += 1;
        let next = end;
        while (next < n && isSpace(text.charCodeAt(next))) next++;
        if (text.charCodeAt(next) !== 58 /* : */) {
            const raw = text.slice(i + 1, end - 1);
            tokens.push({ start: i, end, value: raw.includes('\\') ? JSON.parse(text.slice(i, end)) : raw });
        }
        i = text.indexOf('"', end);
    }
    return tokens;
}

/**
 * `text` with token k's value replaced by `values[k]` wherever the two differ.
 *
 * @param {string} text the text `tokens` came from
 * @param {{start: number, end: number, value: string}[]} tokens from stringValues(text)
 * @param {string[]} values one per token
 * @returns {string}
 */
function replaceValues(text, tokens, values) {
    let out = '';
    let copied = 0;
    for (let k = 0; k < tokens.length; k++) {
        const token = tokens[k];
        if (values[k] === token.value) continue;
        out += text.slice(copied, token.start) + JSON.stringify(values[k]);
        copied = token.end;
    }
    return copied === 0 ? text : out + text.slice(copied);
}

/** What the logger hooks write for a text the policy blocks (the Python package's BLOCKED_MESSAGE). */
const BLOCKED_MESSAGE = '[phimask: blocked by policy]';

/**
 * What the logger hooks write for a text whose redaction failed: names the
 * error's class only, since an error's message could hold the text.
 *
 * @param {unknown} error
 * @returns {string}
 */
function withheldNotice(error) {
    const name = error?.constructor?.name;
    const safe = typeof name === 'string' && /^[A-Za-z_$][\w$]{0,63}$/.test(name) ? name : 'Error';
    return `[phimask: log message withheld, redaction failed: ${safe}]`;
}

function isSpace(c) {
    return c === 32 || c === 9 || c === 10 || c === 13;
}

module.exports = { stringValues, replaceValues, BLOCKED_MESSAGE, withheldNotice };
