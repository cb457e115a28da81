'use strict';
// RedactStream: chunking never changes the output, line endings are kept, JSON
// lines stay JSON, overlong lines and engine errors fail closed, backpressure holds.
// Every value below is synthetic.

const assert = require('node:assert/strict');
const { Readable, Writable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const { test } = require('node:test');

const phimask = require('phimask');
const { RedactStream, createRedactStream, DEFAULT_MAX_LINE_BYTES } = phimask;

const { NAME, SSN, PHONE, VALUES, DETECTORS, engine, blocking } = require('./log_fixtures');
const { gc } = require('./engine_fixtures');

const TEXT = [
    `patient ${NAME} called from ${PHONE}\n`,
    '\n',
    `SSN ${SSN} on file\r\n`,
    'nothing to see here\n',
    `Zoë Ångström 😀 ${SSN} — née ça\r\n`,
    '\r\n',
    `last line without newline, ${PHONE}`,
].join('');

const JSONL = [
    `{"msg": "SSN ${SSN}", "n": 1.0, "ok": true, "none": null, "e": 1e3}\n`,
    `{"${NAME}": "key kept", "nested": {"list": ["${PHONE}", 7, {"deep": "Zoë Ångström"}]}}\r\n`,
    '\n',
    '   \n',
    `{"escaped": "line\\nbreak \\"${NAME}\\" \\u00e9 \\ud83d\\ude00", "empty": ""}\n`,
    `not json: ${NAME} ${SSN}\n`,
    `{"broken": "${SSN}"\n`,
    '"a top-level string with ' + PHONE + '"\n',
    '42\n',
    `{"last": "${NAME} 😀"}`,
].join('');

/** Writes `chunks` one by one (each after the previous is accepted); resolves with the output or rejects. */
async function run(stream, chunks) {
    const out = [];
    stream.on('data', (data) => out.push(data));
    const done = new Promise((resolve, reject) => {
        stream.on('end', () => resolve(Buffer.concat(out)));
        stream.on('error', (error) => {
            error.output = Buffer.concat(out);
            reject(error);
        });
    });
    for (const chunk of chunks) {
        if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
    }
    stream.end();
    return done;
}

function lines(text) {
    return text.split(/(?<=\n)/);
}

function splitEnding(line) {
    const ending = /\r?\n$/.exec(line)?.[0] ?? '';
    return { content: line.slice(0, line.length - ending.length), ending };
}

function redactText(text) {
    return text === '' ? '' : engine.redact(text).text;
}

// What redacting whole lines gives, computed without the stream or its JSON scanner.
function expectedText(input) {
    return lines(input)
        .map((line) => {
            const { content, ending } = splitEnding(line);
            return redactText(content) + ending;
        })
        .join('');
}

function redactValue(value) {
    if (typeof value === 'string') return redactText(value);
    if (Array.isArray(value)) return value.map(redactValue);
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v)]));
    }
    return value;
}

function assertJsonOutput(input, output) {
    const ins = lines(input);
    const outs = lines(output);
    assert.equal(outs.length, ins.length);
    ins.forEach((line, k) => {
        const { content, ending } = splitEnding(line);
        assert.equal(splitEnding(outs[k]).ending, ending, `line ${k + 1} ending`);
        const got = splitEnding(outs[k]).content;
        let parsed;
        try {
            parsed = JSON.parse(content);
        } catch {
            assert.equal(got, redactText(content), `line ${k + 1} (not JSON) is redacted as text`);
            return;
        }
        assert.deepEqual(JSON.parse(got), redactValue(parsed), `line ${k + 1}`);
    });
}

function assertNoPhi(text, keys = []) {
    let rest = text;
    for (const key of keys) rest = rest.split(key).join('');
    for (const value of VALUES) assert.ok(!rest.includes(value), `a value reached the output`);
}

test('text: whole input in one write gives every line redacted, endings kept', async () => {
    const out = (await run(createRedactStream({ engine }), [TEXT])).toString('utf8');
    assert.equal(out, expectedText(TEXT));
    assert.ok(out.startsWith('patient {NAME} called from {PHONE}\n\nSSN {US_SOCIAL_SECURITY_NUMBER} on file\r\n'));
    assert.ok(out.endsWith('last line without newline, {PHONE}'));
    assertNoPhi(out);
});

test('text: every split point, and one byte per chunk, give the same output', async () => {
    const input = Buffer.from(TEXT, 'utf8');
    const whole = await run(createRedactStream({ engine }), [input]);
    for (let i = 0; i <= input.length; i++) {
        const out = await run(createRedactStream({ engine }), [input.subarray(0, i), input.subarray(i)]);
        assert.ok(out.equals(whole), `split at byte ${i}`);
    }
    const bytes = [...input].map((b) => Buffer.from([b]));
    assert.ok((await run(createRedactStream({ engine }), bytes)).equals(whole));
});

test('text: string chunks are accepted', async () => {
    const out = await run(createRedactStream({ engine }), ['SSN 219-45', '-8832\n', 'x']);
    assert.equal(out.toString(), 'SSN {US_SOCIAL_SECURITY_NUMBER}\nx');
});

test('text: empty input, empty lines and a lone CRLF come back as they were', async () => {
    assert.equal((await run(createRedactStream({ engine }), [])).length, 0);
    assert.equal((await run(createRedactStream({ engine }), ['\n\r\n\n'])).toString(), '\n\r\n\n');
});

test('text: bytes that are not UTF-8 never stop the stream and the PHI beside them is redacted', async () => {
    const input = Buffer.concat([Buffer.from(`SSN ${SSN} `), Buffer.from([0xff, 0xfe]), Buffer.from(' end\n')]);
    const out = await run(createRedactStream({ engine }), [input]);
    assert.ok(!out.includes(SSN));
    assert.ok(out.includes('{US_SOCIAL_SECURITY_NUMBER}'));
});

test('json: string values redacted, keys and everything else kept as written', async () => {
    const out = (await run(createRedactStream({ engine, format: 'json' }), [JSONL])).toString('utf8');
    assertJsonOutput(JSONL, out);
    const first = lines(out)[0];
    assert.equal(first, '{"msg": "SSN {US_SOCIAL_SECURITY_NUMBER}", "n": 1.0, "ok": true, "none": null, "e": 1e3}\n');
    assert.ok(lines(out)[1].startsWith(`{"${NAME}": "key kept"`), 'keys are structure, not text (as the CLI)');
    assert.equal(lines(out)[5], 'not json: {NAME} {US_SOCIAL_SECURITY_NUMBER}\n', 'a line that is not JSON is redacted as text');
    assert.equal(lines(out)[6], '{"broken": "{US_SOCIAL_SECURITY_NUMBER}"\n');
    assertNoPhi(out, [`"${NAME}"`]);
});

test('json: a line with nothing to redact is returned byte for byte', async () => {
    const line = '{ "a" :"\\u00e9\\n" , "b":[1.50, -0, "x"] }\r\n';
    assert.equal((await run(createRedactStream({ engine, format: 'json' }), [line])).toString(), line);
});

test('json: every split point gives the same output', async () => {
    const input = Buffer.from(JSONL, 'utf8');
    const whole = await run(createRedactStream({ engine, format: 'json' }), [input]);
    for (let i = 0; i <= input.length; i++) {
        const out = await run(createRedactStream({ engine, format: 'json' }), [input.subarray(0, i), input.subarray(i)]);
        assert.ok(out.equals(whole), `split at byte ${i}`);
    }
});

test('json: a line that is not UTF-8 is redacted as text', async () => {
    const input = Buffer.concat([Buffer.from(`{"msg": "${SSN}`), Buffer.from([0xc3]), Buffer.from('"}\n')]);
    const out = await run(createRedactStream({ engine, format: 'json' }), [input]);
    assert.ok(!out.includes(SSN));
    assert.ok(out.includes('{US_SOCIAL_SECURITY_NUMBER}'));
});

test('a line longer than maxLineBytes errors with its number and the limit, and nothing of it is emitted', async () => {
    const long = `${SSN} `.repeat(10) + NAME; // 133 bytes
    const input = `first ${PHONE}\n${'x'.repeat(64)}\r\n${long}\nafter ${SSN}\n`;
    const stream = createRedactStream({ engine, maxLineBytes: 64 });
    const error = await run(stream, [input]).then(
        () => assert.fail('no error'),
        (e) => e,
    );
    assert.ok(error instanceof phimask.InputError);
    assert.equal(error.code, 'PHIMASK_INPUT');
    assert.match(error.message, /line 3\b/);
    assert.match(error.message, /\b64\b/);
    for (const value of VALUES) assert.ok(!error.message.includes(value));
    assert.equal(error.output.toString(), `first {PHONE}\n${'x'.repeat(64)}\r\n`, 'the lines before it, redacted; nothing after');
    assert.ok(stream.destroyed);
});

test('an overlong line is refused before its end arrives (a partial line is bounded too)', async () => {
    const stream = createRedactStream({ engine, maxLineBytes: 1000 });
    let written = 0;
    const error = await new Promise((resolve) => {
        stream.on('error', resolve);
        stream.resume();
        const writeMore = () => {
            while (!stream.destroyed && written < 1_000_000) {
                written += 100;
                if (!stream.write(`${SSN} `.repeat(8) + 'abcd')) return stream.once('drain', writeMore);
            }
            if (!stream.destroyed) stream.end();
        };
        writeMore();
    });
    assert.equal(error.code, 'PHIMASK_INPUT');
    assert.match(error.message, /line 1\b/);
    assert.ok(written < 64 * 1024, `the stream failed only after ${written} bytes`);
});

test('an overlong last line without a newline errors at the end', async () => {
    const error = await run(createRedactStream({ engine, maxLineBytes: 10 }), [`ok\n${SSN} abc`]).catch((e) => e);
    assert.equal(error.code, 'PHIMASK_INPUT');
    assert.match(error.message, /line 2\b/);
    assert.equal(error.output.toString(), 'ok\n');
});

test('blocked lines are dropped by default and reported by number and type', async () => {
    for (const format of ['text', 'json']) {
        const stream = createRedactStream({ engine: blocking, format });
        const blocked = [];
        stream.on('blocked', (info) => blocked.push(info));
        const input = `{"a": "${PHONE}"}\n{"b": "x", "c": ["SSN ${SSN}"]}\n{"d": "after"}\n`;
        const out = (await run(stream, [input])).toString();
        assert.equal(out, `{"a": "{PHONE}"}\n{"d": "after"}\n`, format);
        assert.deepEqual(blocked, [{ line: 2, types: ['US_SOCIAL_SECURITY_NUMBER'] }]);
    }
});

test('blockedLine replaces a blocked line, keeping its line ending', async () => {
    const stream = createRedactStream({ engine: blocking, blockedLine: '[blocked]' });
    const out = (await run(stream, [`a\r\nSSN ${SSN}\r\nb`])).toString();
    assert.equal(out, 'a\r\n[blocked]\r\nb');
});

test('an engine error destroys the stream with that error, after the lines before it', async () => {
    // Lines under maxLineBytes but over the engine's own input limit fail in the engine.
    const small = new phimask.Engine({ packs: [], detectors: DETECTORS }, { maxInputBytes: 40 });
    for (const format of ['text', 'json']) {
        const stream = createRedactStream({ engine: small, format });
        const long = format === 'json' ? `{"v": "${'x'.repeat(60)}"}` : 'x'.repeat(60);
        const error = await run(stream, [`one ${SSN}\n`, `two\n${long}\nthree\n`, 'four\n']).catch((e) => e);
        assert.ok(error instanceof phimask.InputError, format);
        assert.match(error.message, /^line 3: input error: /);
        assert.ok(!error.message.includes('xxxx'));
        assert.equal(error.output.toString(), 'one {US_SOCIAL_SECURITY_NUMBER}\ntwo\n', format);
        assert.ok(stream.destroyed);
    }
});

test('options are checked when the stream is created', () => {
    assert.throws(() => createRedactStream({ format: 'xml' }), TypeError);
    assert.throws(() => createRedactStream({ maxLineBytes: 0 }), TypeError);
    assert.throws(() => createRedactStream({ threads: -1 }), TypeError);
    assert.throws(() => createRedactStream({ engine: {} }), TypeError);
    assert.throws(() => createRedactStream({ blockedLine: 'a\nb' }), TypeError);
    assert.ok(new RedactStream() instanceof RedactStream);
    assert.equal(createRedactStream().maxLineBytes, DEFAULT_MAX_LINE_BYTES);
});

test('the default engine is used when none is given', async () => {
    const out = (await run(createRedactStream(), [`SSN ${SSN}\n`])).toString();
    assert.equal(out, phimask.defaultEngine().redact(`SSN ${SSN}`).text + '\n');
    assert.ok(!out.includes(SSN));
});

test('50 MB through a slow consumer: backpressure holds and memory stays bounded', async () => {
    const line = `2024-03-01T10:00:00Z INFO GET /api/v2/schedule/slots 200 in 12 ms request=5a133899 SSN ${SSN}\n`;
    const chunk = Buffer.from(line.repeat(Math.floor(65536 / line.length)));
    const total = 50 * 1024 * 1024;
    let produced = 0;
    let consumedLines = 0;
    let maxInFlight = 0;
    let tail = '';
    const source = new Readable({
        read() {
            if (produced >= total) return this.push(null);
            produced += chunk.length;
            maxInFlight = Math.max(maxInFlight, produced - consumedLines * line.length);
            this.push(chunk);
        },
    });
    let writes = 0;
    const sink = new Writable({
        highWaterMark: 16 * 1024,
        write(data, _encoding, callback) {
            const text = data.toString('latin1');
            for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) consumedLines++;
            tail = text.slice(-200);
            writes += 1;
            if (writes % 16 === 0) setTimeout(callback, 1); // slow
            else setImmediate(callback);
        },
    });
    gc();
    const rssBefore = process.memoryUsage.rss();
    let rssMax = rssBefore;
    const timer = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage.rss())), 20);
    try {
        await pipeline(source, createRedactStream({ engine }), sink);
    } finally {
        clearInterval(timer);
    }
    assert.equal(consumedLines * line.length, produced);
    assert.ok(!tail.includes(SSN) && tail.includes('{US_SOCIAL_SECURITY_NUMBER}'));
    // Buffers between source and sink hold a few chunks, never the stream.
    assert.ok(maxInFlight < 2 * 1024 * 1024, `${maxInFlight} bytes in flight`);
    assert.ok(rssMax - rssBefore < 64 * 1024 * 1024, `RSS grew by ${rssMax - rssBefore} bytes`);
});
