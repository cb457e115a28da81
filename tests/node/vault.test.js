'use strict';
// The token action and the Vault from Node (mirrors tests/cpp/vault_test.cpp
// and tests/python/test_vault.py). Every value is synthetic.
const test = require('node:test');
const assert = require('node:assert/strict');
const phimask = require('phimask');

const { Engine, Vault } = phimask;
const engine = new Engine({ packs: ['us_core', 'us_names'], actions: { default: 'token' } });
const KEY = Buffer.alloc(32, 'k');

test('the same value gets the same token within a conversation', () => {
  const vault = new Vault();
  const first = engine.redact('Call 617-555-0142 or (617) 555-0199, SSN 219-45-8832.', { vault });
  assert.equal(first.text, 'Call {PHONE_1} or {PHONE_2}, SSN {US_SOCIAL_SECURITY_NUMBER_1}.');
  assert.deepEqual(first.spans.map((s) => s.action), ['token', 'token', 'token']);
  const again = engine.redact('Again: +1 617.555.0142; the SSN was 219 45 8832.', { vault });
  assert.equal(again.text, 'Again: {PHONE_1}; the SSN was {US_SOCIAL_SECURITY_NUMBER_1}.');
  assert.equal(vault.size, 3);
  assert.equal(engine.redact('SSN 219-45-8833 and 219-45-8833').text,
    'SSN {US_SOCIAL_SECURITY_NUMBER_1} and {US_SOCIAL_SECURITY_NUMBER_1}');
});

test('offsets stay UTF-16 indices', () => {
  const vault = new Vault();
  const text = '😀 SSN 219-45-8832';
  const [span] = engine.redact(text, { vault }).spans;
  assert.equal(text.slice(span.start, span.end), '219-45-8832');
});

test('restore puts the originals back whatever the model did to the tokens', () => {
  const vault = new Vault();
  const prompt = engine.redact('Maria Gonzalez (SSN 219-45-8832) called 617-555-0142.', { vault }).text;
  assert.equal(prompt, '{NAME_1} (SSN {US_SOCIAL_SECURITY_NUMBER_1}) called {PHONE_1}.');
  const r = vault.restore("'{NAME_1}'s SSN is { us_social_security_number_1 }; call {PHONE_\n1}. {NAME_2} is new.");
  assert.equal(r.text, "'Maria Gonzalez's SSN is 219-45-8832; call 617-555-0142. {NAME_2} is new.");
  assert.equal(r.restored, 3);
  assert.deepEqual(r.unknown, ['{NAME_2}']);
  assert.ok(Object.isFrozen(r));
  assert.ok(Buffer.isBuffer(vault.restore(Buffer.from('{PHONE_1}')).text));
});

test('redactAsync numbers in the vault too', async () => {
  const vault = new Vault();
  await engine.redactAsync('SSN 219-45-8832', { vault });
  const r = await engine.redactAsync('SSN 219-45-8833 then 219-45-8832', { vault });
  assert.equal(r.text, 'SSN {US_SOCIAL_SECURITY_NUMBER_2} then {US_SOCIAL_SECURITY_NUMBER_1}');
});

test('sealed vaults open only with their key; vaults never serialize', () => {
  const vault = new Vault();
  engine.redact('Maria Gonzalez, SSN 219-45-8832', { vault });
  const sealed = vault.seal(KEY);
  assert.ok(!sealed.includes('Gonzalez') && !sealed.includes('219-45'));
  const opened = Vault.unseal(sealed, KEY);
  assert.equal(opened.restore('{NAME_1}').text, 'Maria Gonzalez');
  assert.equal(engine.redact('John Smith and Maria Gonzalez', { vault: opened }).text, '{NAME_2} and {NAME_1}');
  const altered = Buffer.from(sealed);
  altered[altered.length - 1] ^= 1;
  for (const [data, key] of [[sealed, Buffer.alloc(32, 'x')], [altered, KEY], [Buffer.from('nope'), KEY]]) {
    assert.throws(() => Vault.unseal(data, key), (e) => e instanceof phimask.VaultError && e.code === 'PHIMASK_VAULT'
      && !e.message.includes('Gonzalez'));
  }
  assert.throws(() => vault.seal(Buffer.alloc(5)), phimask.VaultError);
  assert.throws(() => vault.seal('k'.repeat(32)), /vault\.seal\(key: Buffer\)/);
  assert.throws(() => JSON.stringify({ vault }), /does not serialize/);
  assert.throws(() => engine.redact('x', { vault: {} }), TypeError);
  assert.equal(require('node:util').inspect(vault), 'Vault { size: 2 }');
});
