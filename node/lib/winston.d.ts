import type { Engine } from '../index';

/** Options of {@link redactFormat}. */
export interface WinstonRedactOptions {
    /**
     * The engine to redact with (its `redactMany` is used, once per entry).
     * Default: `phimask.defaultEngine()`, loaded when the first entry is logged.
     */
    engine?: Pick<Engine, 'redactMany'>;
}

/** A winston log entry (logform's `TransformableInfo`). */
export interface LogEntry {
    level: string;
    message: unknown;
    [key: string | symbol]: unknown;
}

/**
 * A winston (logform) format: what `format.combine(...)` and a logger's or
 * transport's `format` option take. Structurally a logform `Format`.
 */
export interface RedactFormat {
    readonly options: WinstonRedactOptions;
    /** Redacts `info` in place and returns it; never throws, never drops an entry. */
    transform(info: LogEntry, opts?: unknown): LogEntry;
}

/**
 * A winston format that redacts each log entry. **Put it last** in
 * `format.combine(...)`, after the format that writes the final line
 * (`json()`, `printf()`, `simple()`, `logstash()`...): it then redacts that
 * line (`info[Symbol.for('message')]`, JSON-aware when it is JSON) as well as
 * the fields transports may read:
 *
 * - `info.message`, and every other field but `level` (winston's level name),
 *   deeply: strings inside plain objects and arrays, and the message, stack,
 *   cause and own properties of `Error`s (copied; the caller's objects are
 *   never changed; an `Error` stays an instance of its class);
 * - the splat arguments (`info[Symbol.for('splat')]`);
 * - the message and stack of an entry that is itself an `Error`.
 *
 * Other objects (class instances, `Date`s, `Buffer`s) are kept as they are in
 * the fields; the final line, redacted last, covers what they serialize to.
 * Every string is redacted on its own, in one `engine.redactMany` call per entry.
 * A blocked text becomes {@link BLOCKED_MESSAGE}. If redaction fails, every
 * field but `level`, and the final line, become
 * `"[phimask: log message withheld, redaction failed: <ErrorClass>]"`.
 *
 * @throws {TypeError} when `engine` is not an engine.
 *
 * @example
 * const winston = require('winston');
 * const { redactFormat } = require('phimask/winston');
 *
 * const logger = winston.createLogger({
 *   format: winston.format.combine(
 *     winston.format.errors({ stack: true }),
 *     winston.format.splat(),
 *     winston.format.json(),
 *     redactFormat(),            // last
 *   ),
 *   transports: [new winston.transports.Console()],
 * });
 * logger.info('callback %s', '617-555-0123', { patient: { name: 'John Smith' } });
 * // {"level":"info","message":"callback {PHONE}","patient":{"name":"{NAME}"}}
 */
export function redactFormat(options?: WinstonRedactOptions): RedactFormat;

/** What a blocked text becomes: `"[phimask: blocked by policy]"`. */
export const BLOCKED_MESSAGE: string;
