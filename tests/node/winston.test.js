'use strict';
// phimask/winston with the real winston package: what reaches the transport.
// Every value below is synthetic.

const assert = require('node:assert/strict');
const { Writable } = require('node:stream');
const { test } = require('node:test');
const winston = require('winston');

const phimask = require('phimask');
const { redactFormat, BLOCKED_MESSAGE } = require('phimask/winston');

const { format } = winston;
const MESSAGE = Symbol.for('message');
const { NAME, SSN, PHONE, VALUES, engine, blocking } = require('./log_fixtures');

/** A logger whose one transport keeps the final lines and the info objects it was given. */
function capture(...formats) {
    const lines = [];
    const infos = [];
    const stream = new Writable({
        objectMode: true,
        write(info, _encoding, callback) {
            infos.push(info);
            lines.push(info[MESSAGE]);
            callback();
        },
    });
    const logger = winston.createLogger({
        level: 'debug',
        format: format.combine(...formats),
        transports: [new winston.transports.Stream({ stream })],
    });
    return { logger, lines, infos };
}

function assertNoPhi(text) {
    for (const value of VALUES) assert.ok(!text.includes(value), 'a value reached the transport');
}

test('last in combine with json(): message, splat, deep metadata and the final line are redacted', () => {
    const { logger, lines, infos } = capture(format.splat(), format.json(), redactFormat({ engine }));
    const meta = { patient: { name: NAME, phones: [PHONE, 7], since: 2019 } };
    logger.info('callback %s for SSN %s', PHONE, SSN, meta);
    assertNoPhi(lines[0]);
    const record = JSON.parse(lines[0]);
    assert.equal(record.level, 'info');
    assert.equal(record.message, 'callback {PHONE} for SSN {US_SOCIAL_SECURITY_NUMBER}');
    assert.deepEqual(record.patient, { name: '{NAME}', phones: ['{PHONE}', 7], since: 2019 });
    assert.equal(infos[0].message, record.message, 'the info fields, for transports that read them');
    assert.deepEqual(infos[0][Symbol.for('splat')].slice(0, 2), ['{PHONE}', '{US_SOCIAL_SECURITY_NUMBER}']);
    assert.equal(meta.patient.name, NAME, "the caller's object is not changed");
});

test('with printf(): the final line holds values the fields did not', () => {
    const { logger, lines } = capture(
        format.printf((info) => `${info.level} ${info.message} ${JSON.stringify(info.patient)}`),
        redactFormat({ engine }),
    );
    logger.info(`hi ${NAME}`, { patient: { ssn: SSN } });
    assert.equal(lines[0], 'info hi {NAME} {"ssn":"{US_SOCIAL_SECURITY_NUMBER}"}');
});

test('first in combine: the fields are redacted before any format reads them', () => {
    const { logger, lines } = capture(redactFormat({ engine }), format.splat(), format.simple());
    logger.warn('caller %s', NAME, { phone: PHONE });
    assertNoPhi(lines[0]);
    assert.match(lines[0], /^warn: caller \{NAME\}/);
});

test('errors: message, stack and cause are redacted (format.errors and a plain Error)', () => {
    const { logger, lines, infos } = capture(format.errors({ stack: true, cause: true }), format.json(), redactFormat({ engine }));
    const error = new Error(`no chart for ${NAME}`, { cause: new Error(`SSN ${SSN}`) });
    logger.error(error);
    logger.warn('lookup failed', new TypeError(`bad phone ${PHONE}`));
    logger.info('with an error in metadata', { err: new RangeError(`SSN ${SSN}`) });
    for (const line of lines) assertNoPhi(line);
    const first = JSON.parse(lines[0]);
    assert.equal(first.message, 'no chart for {NAME}');
    assert.ok(first.stack.startsWith('Error: no chart for {NAME}\n'));
    assert.ok(JSON.parse(lines[1]).stack.startsWith('TypeError: bad phone {PHONE}'));
    assert.ok(infos[2].err instanceof RangeError, 'an Error stays an Error');
    assert.equal(infos[2].err.message, 'SSN {US_SOCIAL_SECURITY_NUMBER}');
    assert.ok(!infos[2].err.stack.includes(SSN));
    assert.equal(error.message, `no chart for ${NAME}`, "the caller's error is not changed");
});

test('a blocked text becomes the fixed notice; the entry is kept', () => {
    const { logger, lines } = capture(format.json(), redactFormat({ engine: blocking }));
    logger.info('enrolment', { ssn: SSN, phone: PHONE });
    const record = JSON.parse(lines[0]);
    assert.equal(record.ssn, BLOCKED_MESSAGE);
    assert.equal(record.phone, '{PHONE}');
    assert.equal(record.message, 'enrolment');
});

test('an engine failure withholds every field and the line, and never throws', () => {
    const broken = {
        redactMany() {
            throw new phimask.PhimaskError(`failed on ${SSN}`);
        },
    };
    const { logger, lines } = capture(format.json(), redactFormat({ engine: broken }));
    assert.doesNotThrow(() => logger.info(`SSN ${SSN}`, { who: NAME }));
    const record = JSON.parse(lines[0]);
    assert.equal(record.level, 'info');
    assert.match(record.message, /^\[phimask: log message withheld, redaction failed: \w+\]$/);
    assert.equal(record.who, record.message);
    assertNoPhi(lines[0]);
});

test('cycles and repeated objects are handled', () => {
    const { logger, lines, infos } = capture(redactFormat({ engine }), format.simple());
    const shared = { name: NAME };
    const cyclic = { shared, again: shared };
    cyclic.self = cyclic;
    logger.info('cycle', { cyclic });
    assertNoPhi(lines[0]);
    const copy = infos[0].cyclic;
    assert.equal(copy.self, copy);
    assert.equal(copy.shared, copy.again);
    assert.equal(copy.shared.name, '{NAME}');
});

test('the default engine is used when none is given', () => {
    const { logger, lines } = capture(format.json(), redactFormat());
    logger.info(`SSN ${SSN}`);
    assert.equal(JSON.parse(lines[0]).message, phimask.defaultEngine().redact(`SSN ${SSN}`).text);
    assertNoPhi(lines[0]);
});

test('bad arguments are refused with the call named', () => {
    assert.throws(() => redactFormat({ engine: {} }), /redactFormat\(\{ engine\? \}\)/);
    assert.throws(() => redactFormat(null), TypeError);
});
