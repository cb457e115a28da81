'use strict';
// The frozen result objects users get, built from the compact form the addon
// returns (node/src/values.h): spans as numbers in a Float64Array, with one
// shared set of strings per detector. Making them here costs tens of
// nanoseconds per span; through Node-API it cost microseconds.

const FIELDS = 4; // start, end, score, detector index

/** What one engine's results share: its detectors' strings and its policy version. */
class ResultFactory {
  /**
   * @param {Array<[string, string, string]>} detectors [name, type, action] per detector
   * @param {string} policyVersion
   */
  constructor(detectors, policyVersion) {
    this.detectors = detectors.map(([name, type, action]) => ({ name, type, action }));
    this.policyVersion = policyVersion;
  }

  /** @param {Float64Array} data */
  spans(data) {
    const n = data.length / FIELDS;
    const out = new Array(n);
    for (let i = 0, k = 0; i < n; i++, k += FIELDS) {
      const d = this.detectors[data[k + 3]];
      out[i] = Object.freeze({
        start: data[k],
        end: data[k + 1],
        type: d.type,
        score: data[k + 2],
        detector: d.name,
        action: d.action,
      });
    }
    return Object.freeze(out);
  }

  /** @param {[string | Buffer, Float64Array, boolean]} raw */
  result(raw) {
    const spans = this.spans(raw[1]);
    const blocked = raw[2];
    return Object.freeze({ text: raw[0], spans, summary: this.summary(spans, blocked), blocked });
  }

  /** Counts per type (keys sorted) and the blocking types, as the core's Summary has them. */
  summary(spans, blocked) {
    const counts = new Map();
    const blocking = new Set();
    for (const s of spans) {
      counts.set(s.type, (counts.get(s.type) || 0) + 1);
      if (s.action === 'block') blocking.add(s.type);
    }
    const sortedCounts = {};
    for (const type of [...counts.keys()].sort()) sortedCounts[type] = counts.get(type);
    return Object.freeze({
      counts: Object.freeze(sortedCounts),
      policyVersion: this.policyVersion,
      blocked,
      blockingTypes: Object.freeze(blocked ? [...blocking].sort() : []),
    });
  }
}

module.exports = { ResultFactory };
