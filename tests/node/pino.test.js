'use strict';
// phimask/pino with the real pino package: what reaches the destination.
// Every value below is synthetic.

const assert = require('node:assert/strict');
const { Writable } = require('node:stream');
const { test } = require('node:test');
const pino = require('pino');

const phimask = require('phimask');
const phimaskPino = require('phimask/pino');
const { createRedactStream } = phimask;

const { NAME, SSN, PHONE, VALUES, engine, blocking } = require('./log_fixtures');

/** A destination that keeps what pino writes. */
function memory() {
    const chunks = [];
    const stream = new Writable({
        write(chunk, _encoding, callback) {
            chunks.push(chunk.toString('utf8'));
            callback();
        },
    });
    stream.text = () => chunks.join('');
    stream.records = () => stream.text().trimEnd().split('\n').map((line) => JSON.parse(line));
    return stream;
}

function assertNoPhi(text) {
    for (const value of VALUES) assert.ok(!text.includes(value), 'a value reached the destination');
}

test('message, merged, nested and child-binding values are redacted; level and time kept', () => {
    const dest = memory();
    const logger = pino(phimaskPino.options({ engine, level: 'debug' }), dest);
    const before = Date.now();
    logger.info({ patient: { name: NAME, phones: [PHONE, 42] }, visits: 3 }, `SSN ${SSN}`);
    logger.child({ caller: NAME }).debug('callback %s at %s', PHONE, 'noon');
    const text = dest.text();
    assertNoPhi(text);
    const [first, second] = dest.records();
    assert.equal(first.level, 30);
    assert.ok(first.time >= before && first.time <= Date.now());
    assert.equal(first.msg, 'SSN {US_SOCIAL_SECURITY_NUMBER}');
    assert.deepEqual(first.patient, { name: '{NAME}', phones: ['{PHONE}', 42] });
    assert.equal(first.visits, 3);
    assert.equal(first.pid, process.pid);
    assert.equal(second.level, 20);
    assert.equal(second.caller, '{NAME}');
    assert.equal(second.msg, 'callback {PHONE} at noon');
});

test('an error: message, stack and own properties are redacted', () => {
    const dest = memory();
    const logger = pino(phimaskPino.options({ engine }), dest);
    const error = new Error(`no chart for ${NAME}, SSN ${SSN}`);
    error.detail = { phone: PHONE };
    logger.error(error);
    logger.warn({ err: new TypeError(`bad phone ${PHONE}`) }, 'lookup failed');
    assertNoPhi(dest.text());
    const [first, second] = dest.records();
    assert.equal(first.err.type, 'Error');
    assert.equal(first.err.message, 'no chart for {NAME}, SSN {US_SOCIAL_SECURITY_NUMBER}');
    assert.ok(first.err.stack.startsWith('Error: no chart for {NAME}, SSN {US_SOCIAL_SECURITY_NUMBER}\n'));
    assert.deepEqual(first.err.detail, { phone: '{PHONE}' });
    assert.equal(first.msg, 'no chart for {NAME}, SSN {US_SOCIAL_SECURITY_NUMBER}');
    assert.equal(second.err.message, 'bad phone {PHONE}');
    assert.equal(second.msg, 'lookup failed');
});

test('a line with nothing to redact is written exactly as pino serialized it', () => {
    const plain = memory();
    const hooked = memory();
    const fixed = { timestamp: () => ',"time":1700000000000', base: { service: 'claims' } };
    pino(fixed, plain).info({ n: 1.5, tags: ['a\nb', 'é'] }, 'done "quoted"');
    pino(phimaskPino.options({ engine, ...fixed }), hooked).info({ n: 1.5, tags: ['a\nb', 'é'] }, 'done "quoted"');
    assert.equal(hooked.text(), plain.text());
});

test('a blocked value becomes the fixed notice; the record is kept', () => {
    const dest = memory();
    pino(phimaskPino.options({ engine: blocking }), dest).info({ ssn: SSN, phone: PHONE }, 'enrolment');
    const [record] = dest.records();
    assert.equal(record.ssn, phimaskPino.BLOCKED_MESSAGE);
    assert.equal(record.phone, '{PHONE}');
    assert.equal(record.msg, 'enrolment');
    assertNoPhi(dest.text());
});

test('an engine failure withholds every string and never throws into the caller', () => {
    const broken = {
        redact() {
            throw new phimask.PhimaskError(`failed on ${SSN}`);
        },
        redactMany() {
            throw new phimask.PhimaskError(`failed on ${SSN}`);
        },
    };
    const dest = memory();
    const logger = pino(phimaskPino.options({ engine: broken }), dest);
    assert.doesNotThrow(() => logger.info({ who: NAME }, `SSN ${SSN}`));
    const [record] = dest.records();
    assert.equal(record.level, 30);
    assert.equal(typeof record.time, 'number');
    assert.match(record.msg, /^\[phimask: log message withheld, redaction failed: \w+\]$/);
    assert.equal(record.who, record.msg);
    assertNoPhi(dest.text());
});

test('a hook of your own runs first and its output is redacted', () => {
    const dest = memory();
    const own = (line) => line.replace('"msg":"', `"msg":"from hook ${SSN}; `);
    pino(phimaskPino.options({ engine, hooks: { streamWrite: own } }), dest).info('hello');
    assert.equal(dest.records()[0].msg, 'from hook {US_SOCIAL_SECURITY_NUMBER}; hello');
});

test('streamWrite() alone is a hook for pino options built by hand', () => {
    const dest = memory();
    pino({ hooks: { streamWrite: phimaskPino.streamWrite({ engine }) } }, dest).info(`call ${PHONE}`);
    assert.equal(dest.records()[0].msg, 'call {PHONE}');
});

test('the default engine is used when none is given', () => {
    const dest = memory();
    pino(phimaskPino.options(), dest).info(`SSN ${SSN}`);
    assert.equal(dest.records()[0].msg, phimask.defaultEngine().redact(`SSN ${SSN}`).text);
    assertNoPhi(dest.text());
});

test('pino can also write to a RedactStream (redaction off the event loop)', async () => {
    const dest = memory();
    const redacting = createRedactStream({ engine, format: 'json' });
    redacting.pipe(dest);
    const logger = pino({}, redacting);
    logger.info({ patient: NAME }, `SSN ${SSN}`);
    logger.info('second');
    redacting.end();
    await new Promise((resolve) => dest.on('finish', resolve));
    assertNoPhi(dest.text());
    const records = dest.records();
    assert.equal(records.length, 2);
    assert.equal(records[0].patient, '{NAME}');
});

test('bad arguments are refused with the call named', () => {
    assert.throws(() => phimaskPino.options({ engine: {} }), /options\(\{ engine\?/);
    assert.throws(() => phimaskPino.options({ hooks: { streamWrite: 1 } }), TypeError);
    assert.throws(() => phimaskPino.streamWrite(null), TypeError);
});
