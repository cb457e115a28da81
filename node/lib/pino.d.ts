import type { Engine } from '../index';

/** Options of {@link streamWrite}. */
export interface PinoRedactOptions {
    /**
     * The engine to redact with (its `redact` and `redactMany` are used).
     * Default: `phimask.defaultEngine()`, loaded when the first line is written.
     */
    engine?: Pick<Engine, 'redact' | 'redactMany'>;
}

/**
 * pino's `hooks.streamWrite`: gets each serialized log line just before it is
 * written and returns it with every string value redacted, each on its own
 * (the message, merged objects, nested objects, child bindings, serialized
 * errors' message and stack). Keys, numbers (`level`, `time`), literals and
 * unchanged strings stay exactly as pino wrote them, so the line stays valid JSON.
 *
 * - A string value the policy blocks becomes {@link BLOCKED_MESSAGE}; the line is kept.
 * - A line that is not JSON (a custom serializer) is redacted as one text.
 * - Never throws: if redaction fails, every string value of the line becomes
 *   `"[phimask: log message withheld, redaction failed: <ErrorClass>]"`
 *   (numbers such as `level` and `time` are kept).
 * - Synchronous: it runs in the logging call, on the event loop. To redact
 *   off the event loop, write pino's output to a `RedactStream` instead.
 * - String timestamps (`pino.stdTimeFunctions.isoTime`) are string values and
 *   go through redaction too; a policy with a DATE action may rewrite them.
 *   pino's default timestamp is a number and is kept.
 *
 * @example
 * const pino = require('pino');
 * const phimaskPino = require('phimask/pino');
 * const logger = pino({ hooks: { streamWrite: phimaskPino.streamWrite() } });
 */
export function streamWrite(options?: PinoRedactOptions): (line: string) => string;

/**
 * pino's options with the redacting `hooks.streamWrite` added. `engine` is
 * taken out; every other option goes to pino unchanged. A
 * `hooks.streamWrite` of your own runs first and its output is redacted.
 *
 * @throws {TypeError} when `engine` is not an engine or `hooks.streamWrite` not a function.
 *
 * @example
 * const pino = require('pino');
 * const phimaskPino = require('phimask/pino');
 *
 * const logger = pino(phimaskPino.options({ level: 'debug' }));
 * logger.info({ patient: { name: 'John Smith' } }, 'SSN 123-45-6789');
 * // {"level":30,"time":...,"patient":{"name":"{NAME}"},"msg":"SSN {US_SOCIAL_SECURITY_NUMBER}"}
 */
export function options<T extends object>(pinoOptions?: T & PinoRedactOptions): Omit<T, 'engine'> & {
    hooks: { streamWrite: (line: string) => string };
};

/** What a blocked string value becomes: `"[phimask: blocked by policy]"`. */
export const BLOCKED_MESSAGE: string;
