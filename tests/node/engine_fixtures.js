'use strict';
// Shared policies and helpers for the Node tests (mirroring tests/python/conftest.py).

/** A plugin-only policy, independent of the shipped packs: compiles in milliseconds. */
const SSN_LIKE = Object.freeze({
  packs: [],
  detectors: [
    { name: 'ssn_like', type: 'US_SOCIAL_SECURITY_NUMBER', pattern: '\\b\\d{3}-\\d{2}-\\d{4}\\b', score: 0.9 },
  ],
});

/** The two plugins of the README's policy example. */
const PLUGINS = Object.freeze({
  packs: [],
  detectors: [
    { name: 'hospital_mrn', type: 'MEDICAL_RECORD_NUMBER', pattern: 'MRN[:# ]*\\d{7,10}', score: 0.9 },
    {
      name: 'encounter_id',
      type: 'ENCOUNTER_ID',
      pattern: 'ENC-\\d{8}',
      score: 0.9,
      context: ['encounter', 'visit'],
      context_window: 40,
    },
  ],
});

/** SSN_LIKE with extra top-level fields (actions, placeholder_format...). */
function ssnPolicy(extra = {}) {
  return { ...JSON.parse(JSON.stringify(SSN_LIKE)), ...extra };
}

/** Text whose pieces must never appear in an error. */
const SECRET = 'Jane Roe SSN 123-45-6789 MRN 55501234';
const SECRET_PIECES = ['Jane', 'Roe', '123-45', '6789', '55501234'];

/** Asserts that nothing of SECRET is in the error's message, stack or own properties. */
function assertNoSecret(assert, error) {
  const seen = `${error.message}\n${error.stack}\n${JSON.stringify(error)}\n${require('node:util').inspect(error)}`;
  for (const piece of SECRET_PIECES) assert.ok(!seen.includes(piece), `error shows "${piece}": ${seen}`);
}

/** Plain copies of results, for deepStrictEqual across sync/async/batch calls. */
function plain(result) {
  return JSON.parse(JSON.stringify(result, (key, value) => (value && value.type === 'Buffer' ? value.data : value)));
}

/** A full garbage collection: node --test runs without --expose-gc, so the flag is set here. */
require('node:v8').setFlagsFromString('--expose-gc');
const gc = require('node:vm').runInNewContext('gc');

module.exports = { SSN_LIKE, PLUGINS, ssnPolicy, SECRET, assertNoSecret, plain, gc };
