'use strict';
// Shared synthetic values and plugin-only engines for the log tests
// (stream.test.js, pino.test.js, winston.test.js): what they find is known exactly.
const phimask = require('phimask');

const NAME = 'Maria Alvarez';
const SSN = '219-45-8832';
const PHONE = '(617) 555-0142';
/** Every piece of PHI the tests write; none may reach an output. */
const VALUES = [NAME, 'Alvarez', SSN, PHONE, '555-0142', 'Zoë Ångström', 'Ångström'];

const DETECTORS = [
    { name: 'ssn_like', type: 'US_SOCIAL_SECURITY_NUMBER', pattern: '\\b\\d{3}-\\d{2}-\\d{4}\\b' },
    { name: 'phone_like', type: 'PHONE', pattern: '\\(\\d{3}\\) \\d{3}-\\d{4}' },
    { name: 'names', type: 'NAME', pattern: 'Maria Alvarez|Zoë Ångström' },
];
/** Plugin-only policies: compiled in milliseconds. */
const engine = new phimask.Engine({ packs: [], detectors: DETECTORS });
/** The same, with the SSN-like type blocking the whole text. */
const blocking = new phimask.Engine({ packs: [], detectors: DETECTORS, actions: { US_SOCIAL_SECURITY_NUMBER: 'block' } });

module.exports = { NAME, SSN, PHONE, VALUES, DETECTORS, engine, blocking };
