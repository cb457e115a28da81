// A typed use of the public API, checked by `tsc --noEmit` (tests/node/engine_types.test.js).
// Each @ts-expect-error line must be an error: if the types get too loose, tsc fails.
import phimask = require('phimask');
import { Engine, PolicyError, type RedactResult, type Span, type Summary } from 'phimask';

async function main(): Promise<void> {
  const engine = new Engine(
    {
      packs: [],
      detectors: [{ name: 'mrn', type: 'MEDICAL_RECORD_NUMBER', pattern: 'MRN-[0-9]{6}' }],
      actions: { MEDICAL_RECORD_NUMBER: { action: 'mask', char: '*', keep_last: 2 } },
    },
    { hashKey: Buffer.from('k'), maxInputBytes: 1 << 20 },
  );
  const fromString: RedactResult<string> = engine.redact('chart MRN-123456');
  const fromBuffer: RedactResult<Buffer> = engine.redact(Buffer.from('chart MRN-123456'));
  const text: string = fromString.text;
  const bytes: Buffer = fromBuffer.text;
  const spans: readonly Span[] = fromString.spans;
  const first: Span | undefined = spans[0];
  const start: number = first ? first.start : 0;
  const action: 'placeholder' | 'mask' | 'remove' | 'hash' | 'block' | 'generalize' | 'token' | 'surrogate' | undefined =
    first?.action;
  const summary: Summary = fromString.summary;
  const counts: number | undefined = summary.counts['MEDICAL_RECORD_NUMBER'];
  const version: string = summary.policyVersion;
  const blocked: boolean = fromString.blocked && summary.blocked;

  const asyncString: RedactResult<string> = await engine.redactAsync('x');
  const asyncBuffer: RedactResult<Buffer> = await phimask.redactAsync(Buffer.from('x'));
  const detected: Span[] = await engine.detectAsync('x');
  const many: RedactResult<string>[] = engine.redactMany(['a', 'b'], { threads: 2 });
  const manyAsync: RedactResult<Buffer>[] = await engine.redactManyAsync([Buffer.from('a')], { threads: 0 });
  const mixed: RedactResult<string | Buffer>[] = phimask.redactMany(['a', Buffer.from('b')]);

  const loaded: Engine = Engine.load('/tmp/engine.bin', { hashKey: 'k' });
  Engine.load(new URL('file:///tmp/engine.bin'));
  engine.save('/tmp/engine.bin');
  const copy: Engine = Engine.fromBuffer(engine.toBuffer());
  const types: string[] = copy.entityTypes.concat(loaded.detectorNames, [phimask.defaultEngine().policyVersion]);
  const dirs: string[] = phimask.modelDirs();
  const files: string = phimask.modelsDir + phimask.defaultEngineFile + phimask.version + phimask.hyperscanVersion;

  try {
    new Engine('/etc/phimask/policy.json');
  } catch (e) {
    if (e instanceof PolicyError) {
      const code: 'PHIMASK_POLICY' = e.code;
      const where: string = e.pointer + e.detector;
      console.log(code, where);
    } else if (e instanceof phimask.PhimaskError) {
      console.log(e.code, e.message);
    }
  }

  // @ts-expect-error: a number is not text
  engine.redact(42);
  // @ts-expect-error: the result of a string is a string
  const wrong: RedactResult<Buffer> = engine.redact('x');
  // @ts-expect-error: spans are read-only
  fromString.spans[0].start = 3;
  // @ts-expect-error: unknown option
  new Engine(null, { hash_key: 'k' });
  // @ts-expect-error: threads is a number
  engine.redactMany(['a'], { threads: '2' });
  // @ts-expect-error: not an action
  const notAnAction: Span['action'] = 'encrypt';

  console.log(text, bytes, start, action, counts, version, blocked, asyncString, asyncBuffer, detected, many);
  console.log(manyAsync, mixed, types, dirs, files, wrong, notAnAction);
}

void main();

export function vaults(engine: Engine): string {
  const vault = new phimask.Vault();
  const redacted: RedactResult<string> = engine.redact('SSN 123-45-6789', { vault });
  const restored: phimask.Restored<string> = vault.restore(redacted.text);
  const sealed: Buffer = vault.seal(Buffer.alloc(32));
  const again: phimask.Vault = phimask.Vault.unseal(sealed, Buffer.alloc(32));
  // @ts-expect-error a vault key is a Buffer
  vault.seal('key');
  return restored.text + again.size;
}
