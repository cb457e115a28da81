// Compiled (never run) by stream_types.test.js: the declarations of
// the stream exports of phimask, phimask/pino and phimask/winston, as a user writes them.
import { Writable } from 'node:stream';
import pino from 'pino';
import winston from 'winston';
import { defaultEngine, Engine } from 'phimask';
import * as phimaskPino from 'phimask/pino';
import { BLOCKED_MESSAGE, redactFormat } from 'phimask/winston';
import { BlockedLineInfo, createRedactStream, DEFAULT_MAX_LINE_BYTES, RedactStream } from 'phimask';

const engine: Engine = defaultEngine();
const stream: RedactStream = createRedactStream({ engine, format: 'json', maxLineBytes: DEFAULT_MAX_LINE_BYTES, threads: 2 });
stream.on('blocked', (info: BlockedLineInfo) => info.line + info.types.length).pipe(new Writable());
const format: 'text' | 'json' = new RedactStream({ blockedLine: '[blocked]' }).format;

const options = phimaskPino.options({ engine, level: 'debug' });
const level: string = options.level;
const logger = pino(options);
pino({ hooks: { streamWrite: phimaskPino.streamWrite() } }).info('x');

const winstonLogger = winston.createLogger({
    format: winston.format.combine(winston.format.json(), redactFormat({ engine })),
    transports: [new winston.transports.Console()],
});
const notice: string = BLOCKED_MESSAGE;

// @ts-expect-error the format is 'text' or 'json'
createRedactStream({ format: 'xml' });
// @ts-expect-error the engine is a phimask Engine
createRedactStream({ engine: {} });
// @ts-expect-error an engine has redactMany
redactFormat({ engine: { redact: () => null } });

export { format, level, logger, notice, winstonLogger };
