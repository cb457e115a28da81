'use strict';
// The surrogate action from Node (mirrors tests/cpp/surrogate_test.cpp and
// tests/python/test_surrogate.py). Every value is synthetic.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const phimask = require('phimask');

const { Engine, Vault } = phimask;
const engine = new Engine({
  packs: ['us_core', 'us_names'],
  actions: { default: 'surrogate' },
  deny_list: [{ type: 'NAME', terms: ['Maria Gonzalez'] }],
});
const KEY = Buffer.alloc(32, 'k');
const FORMAT1 = path.join(__dirname, '..', 'data', 'vaults', 'format1.bin');
const TEXT = 'Maria Gonzalez, SSN 219-45-8832, phone (617) 555-0142, card 4111 1111 1111 1111, seen 01/15/2023.';

function after(prefix, text) {
  assert.ok(text.startsWith(prefix), text);
  return text.slice(prefix.length);
}

function luhnOk(digits) {
  let total = 0;
  [...digits].reverse().forEach((d, i) => {
    const n = Number(d) * (i % 2 ? 2 : 1);
    total += n > 9 ? n - 9 : n;
  });
  return total % 10 === 0;
}

test('consistent within a vault, independent across vaults', () => {
  const vault = new Vault();
  const first = engine.redact(TEXT, { vault });
  assert.deepEqual(first.spans.map((s) => s.action), Array(5).fill('surrogate'));
  assert.equal(engine.redact(TEXT, { vault }).text, first.text);
  for (const value of ['Gonzalez', '8832', '555-0142', '1111 1111', '01/15/2023']) {
    assert.ok(!first.text.includes(value), value);
  }
  assert.notEqual(engine.redact(TEXT, { vault: new Vault() }).text, first.text);
  assert.notEqual(engine.redact(TEXT).text, engine.redact(TEXT).text);
});

test('format and check digits are kept', () => {
  for (let round = 0; round < 5; round++) {
    const vault = new Vault();
    const card = after('card ', engine.redact('card 4111 1111 1111 1111', { vault }).text);
    assert.match(card, /^\d{4} \d{4} \d{4} \d{4}$/);
    assert.notEqual(card, '4111 1111 1111 1111');
    assert.ok(luhnOk(card.replace(/ /g, '')), card);
    const phone = after('phone ', engine.redact('phone (617) 555-0142', { vault }).text);
    assert.match(phone, /^\(\d{3}\) \d{3}-\d{4}$/);
  }
});

test('dates shift by one offset, so intervals are preserved', () => {
  const vault = new Vault();
  const a = after('on ', engine.redact('on 01/15/2023', { vault }).text);
  const b = after('on ', engine.redact('on 2023-03-01', { vault }).text);
  const [m, d, y] = a.split('/').map(Number);
  const da = Date.UTC(y, m - 1, d);
  const shift = (da - Date.UTC(2023, 0, 15)) / 86400000;
  assert.ok(shift !== 0 && Math.abs(shift) <= 365, String(shift));
  assert.equal((Date.parse(`${b}T00:00:00Z`) - da) / 86400000, 45);
});

test('restore round trip; names in any case, never inside a longer word', () => {
  const vault = new Vault();
  const prompt = engine.redact(TEXT, { vault }).text;
  assert.equal(vault.restore(prompt).text, TEXT);
  const name = prompt.split(',')[0];
  const r = vault.restore(`Dear ${name.toUpperCase()}, and ${name}x.`);
  assert.equal(r.text, `Dear Maria Gonzalez, and ${name}x.`);
  assert.equal(r.restored, 1);
  assert.ok(Buffer.from(TEXT).equals(vault.restore(Buffer.from(prompt)).text));
});

test('a sealed vault keeps its surrogates; a format 1 vault still opens', () => {
  const vault = new Vault();
  const prompt = engine.redact(TEXT, { vault }).text;
  const sealed = vault.seal(KEY);
  assert.ok(!sealed.includes('Gonzalez') && !sealed.includes(prompt.split(',')[0]));
  assert.equal(engine.redact(TEXT, { vault: Vault.unseal(sealed, KEY) }).text, prompt);
  const old = Vault.unseal(fs.readFileSync(FORMAT1), KEY);
  assert.equal(old.restore('{US_SOCIAL_SECURITY_NUMBER_1}').text, '219-45-8832');
  const ssn = after('SSN ', engine.redact('SSN 219-45-8832', { vault: old }).text);
  assert.notEqual(ssn, '219-45-8832');
  assert.equal(old.restore(ssn).text, '219-45-8832');
});

test('errors name no value', () => {
  const vault = new Vault();
  const prompt = engine.redact(TEXT, { vault }).text;
  const sealed = vault.seal(KEY);
  sealed[sealed.length - 1] ^= 1;
  assert.throws(() => Vault.unseal(sealed, KEY), (e) => {
    assert.ok(e instanceof phimask.VaultError);
    for (const value of ['Maria', '8832', prompt.split(',')[0]]) assert.ok(!e.message.includes(value));
    return true;
  });
  assert.throws(() => new Engine({ packs: [], actions: { default: 'surrogates' } }), /token or surrogate/);
});
