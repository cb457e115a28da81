'use strict';
// phimask.Vault: one conversation's tokens and the values they stand for.
const { addon } = require('./native');
const { argumentError, checkText } = require('./errors');

const nativeOf = Symbol('phimask.vault');
const wrapToken = Symbol('phimask.wrapVault');

class Vault {
  constructor(token, native) {
    this[nativeOf] = token === wrapToken ? native : new addon.NativeVault();
    Object.defineProperty(this, nativeOf, { enumerable: false });
  }

  static unseal(data, key) {
    const sig = 'Vault.unseal(data: Buffer, key: Buffer)';
    if (!Buffer.isBuffer(data)) throw argumentError(sig, data, 'data');
    if (!Buffer.isBuffer(key)) throw argumentError(sig, key, 'key');
    return new Vault(wrapToken, addon.NativeVault.unseal(data, key));
  }

  seal(key) {
    if (!Buffer.isBuffer(key)) throw argumentError('vault.seal(key: Buffer)', key, 'key');
    return this[nativeOf].seal(key);
  }

  restore(text) {
    checkText(text, 'vault.restore(text: string | Buffer)');
    const [restored, count, unknown] = this[nativeOf].restore(text);
    return Object.freeze({ text: restored, restored: count, unknown: Object.freeze(unknown) });
  }

  get size() {
    return this[nativeOf].size();
  }

  get [Symbol.toStringTag]() {
    return 'phimask.Vault';
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `Vault { size: ${this.size} }`;
  }

  toJSON() {
    throw new TypeError('a phimask Vault does not serialize (it holds PHI): use vault.seal(key) and Vault.unseal()');
  }
}

/** The native vault of a Vault, for the engine (undefined when `vault` is undefined). */
function nativeVault(vault, signature) {
  if (vault === undefined || vault === null) return undefined;
  if (!(vault instanceof Vault)) throw argumentError(signature, vault, 'options.vault');
  return vault[nativeOf];
}

module.exports = { Vault, nativeVault };
