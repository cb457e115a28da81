// The measurements of bench/node/bench.mjs: each validates its results before timing them.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const phimask = require(path.join(ROOT, 'node', 'lib', 'index.js'));
const { createRedactStream } = require(path.join(ROOT, 'node', 'lib', 'stream.js'));

const PROMPT_HEAD = 'Summarize this note for the care team in three bullet points:\n\n';
const SIZES = [
    ['200 B', 200, 20000],
    ['2 KB', 2000, 10000],
    ['20 KB', 20000, 2000],
];
const USAGE = `usage: node bench/node/bench.mjs [--data-dir DIR] [--reps N] [--limit-mb X] [--peer-mb X]
       [--build DIR] [--no-cpp] [--no-peer] [--wait-quiet MIN] [--json FILE] [--out FILE] [--results FILE]`;

class BenchError extends Error {}

function parseArgs(argv) {
    const opts = {
        dataDir: process.env.PHIMASK_BENCH_DATA || path.join(ROOT, 'bench', 'data'),
        reps: 3,
        limitMb: 0,
        peerMb: 10,
        build: process.env.PHIMASK_BENCH_BUILD || path.join(ROOT, 'build-bench'),
        cpp: true,
        peer: true,
        waitQuiet: 0,
        json: null,
        out: null,
        results: null,
    };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = () => {
            if (i + 1 >= argv.length) throw new BenchError(`${a} needs a value\n${USAGE}`);
            return argv[++i];
        };
        if (a === '--data-dir') opts.dataDir = path.resolve(value());
        else if (a === '--reps') opts.reps = Math.max(1, parseInt(value(), 10));
        else if (a === '--limit-mb') opts.limitMb = Number(value());
        else if (a === '--peer-mb') opts.peerMb = Number(value());
        else if (a === '--build') opts.build = path.resolve(value());
        else if (a === '--no-cpp') opts.cpp = false;
        else if (a === '--no-peer') opts.peer = false;
        else if (a === '--wait-quiet') opts.waitQuiet = Number(value());
        else if (a === '--json') opts.json = path.resolve(value());
        else if (a === '--out') opts.out = path.resolve(value());
        else if (a === '--results') opts.results = path.resolve(value());
        else if (a === '-h' || a === '--help') {
            console.log(USAGE);
            process.exit(0);
        } else throw new BenchError(`unknown option ${a}\n${USAGE}`);
    }
    return opts;
}

// CPUs' worth of time other processes used over an interval (/proc/stat minus this process).
function cpuTicks() {
    try {
        const f = fs.readFileSync('/proc/stat', 'ascii').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
        const idle = f[3] + (f[4] || 0);
        const total = f.reduce((a, b) => a + b, 0);
        return { busy: total - idle, total };
    } catch {
        return { busy: 0, total: 0 };
    }
}
function loadMeter() {
    const ticks = cpuTicks();
    const own = process.cpuUsage();
    const wall = process.hrtime.bigint();
    return () => {
        const seconds = Number(process.hrtime.bigint() - wall) / 1e9;
        const busy = (cpuTicks().busy - ticks.busy) / 100; // USER_HZ is 100 on Linux
        const used = process.cpuUsage(own);
        const mine = (used.user + used.system) / 1e6;
        return seconds > 0 && busy > 0 ? Math.max(0, (busy - mine) / seconds) : NaN;
    };
}
async function waitQuiet(minutes) {
    const deadline = Date.now() + minutes * 60000;
    for (;;) {
        const a = cpuTicks();
        await new Promise((r) => setTimeout(r, 5000));
        const b = cpuTicks();
        const share = b.total > a.total ? (b.busy - a.busy) / (b.total - a.total) : 0;
        if (share < 0.1 || Date.now() >= deadline) return share;
        console.error(`bench.mjs: waiting for a quiet machine (busy: ${share.toFixed(2)})`);
    }
}

function ensureCorpus(dataDir) {
    const logs = path.join(dataDir, 'logs.jsonl');
    const clinical = path.join(dataDir, 'clinical.txt');
    if (!fs.existsSync(logs) || !fs.existsSync(clinical)) {
        console.error(`bench.mjs: generating the corpora (seed 42) into ${dataDir}`);
        execFileSync('python3', [path.join(ROOT, 'bench', 'gen_corpus.py'), '--seed', '42', '--out-dir', dataDir], {
            stdio: ['ignore', 'ignore', 'inherit'],
        });
    }
    return { logs, clinical };
}

// The first `limitMb` MB of the log corpus, cut after a whole line (all of it when 0).
function logBytes(file, limitMb) {
    const data = fs.readFileSync(file);
    if (!limitMb) return data;
    const end = data.lastIndexOf(0x0a, Math.min(data.length, limitMb * 1e6) - 1);
    return data.subarray(0, end + 1);
}

function makePrompt(notes, size) {
    let text = PROMPT_HEAD;
    for (const note of notes) {
        text += note + '\n\n';
        if (Buffer.byteLength(text) > size) break;
    }
    const cut = Buffer.from(text).subarray(0, size).toString('utf8').replace(/\uFFFD+$/, '');
    const space = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('\n'));
    return space > PROMPT_HEAD.length ? cut.slice(0, space) : cut;
}

// The invariant: the output is the input with each span replaced by its {TYPE} placeholder.
function checkResult(text, result, what) {
    let out = '';
    let at = 0;
    for (const s of result.spans) {
        if (s.start < at || s.end <= s.start || s.end > text.length) throw new BenchError(`${what}: malformed span`);
        out += text.slice(at, s.start) + `{${s.type}}`;
        at = s.end;
    }
    if (out + text.slice(at) !== result.text) throw new BenchError(`${what}: output is not the input with spans replaced`);
}

function percentile(sorted, q) {
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function latency(engine, clinicalFile) {
    const notes = fs.readFileSync(clinicalFile).subarray(0, 200000).toString('utf8').split('\n\f\n');
    const rows = [];
    for (const [label, size, calls] of [['empty', 0, 20000], ...SIZES]) {
        const prompt = size === 0 ? '' : makePrompt(notes, size);
        const result = engine.redact(prompt);
        checkResult(prompt, result, `${label} prompt`);
        if (size > 0 && result.spans.length === 0) throw new BenchError(`${label} prompt: nothing found`);
        const warmup = Math.max(100, calls / 10);
        for (let i = 0; i < warmup; i++) engine.redact(prompt);
        const samples = new Float64Array(calls);
        const meter = loadMeter();
        for (let i = 0; i < calls; i++) {
            const t0 = process.hrtime.bigint();
            engine.redact(prompt);
            samples[i] = Number(process.hrtime.bigint() - t0) / 1e3;
        }
        const otherLoad = meter();
        samples.sort();
        const mean = samples.reduce((a, b) => a + b, 0) / calls;
        rows.push({
            label,
            bytes: Buffer.byteLength(prompt),
            spans: result.spans.length,
            calls,
            warmup,
            p50_us: percentile(samples, 0.5),
            p90_us: percentile(samples, 0.9),
            p99_us: percentile(samples, 0.99),
            mean_us: mean,
            other_load: otherLoad,
        });
    }
    return rows;
}

// One pass of the corpus through a RedactStream into a sink that keeps (or only counts) the output.
async function streamPass(engine, data, format, threads, keep) {
    const chunks = [];
    let outBytes = 0;
    const source = async function* () {
        for (let at = 0; at < data.length; at += 65536) yield data.subarray(at, at + 65536);
    };
    const sink = new Writable({
        write(chunk, _encoding, callback) {
            outBytes += chunk.length;
            if (keep) chunks.push(chunk);
            callback();
        },
    });
    const options = { engine, format };
    if (threads !== undefined) options.threads = threads;
    const t0 = process.hrtime.bigint();
    await pipeline(source, createRedactStream(options), sink);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    return { seconds, outBytes, output: keep ? Buffer.concat(chunks) : null };
}

function stats(values) {
    const s = [...values].sort((a, b) => a - b);
    return { median: s[Math.floor((s.length - 1) / 2)], best: s[0], worst: s[s.length - 1] };
}

async function streamThroughput(engine, data, reps, cliOutput) {
    const rows = [];
    const lines = data.toString('utf8').split('\n');
    lines.pop();
    for (const format of ['json', 'text']) {
        // Validate: one output line per input line; json lines valid JSON and
        // identical to the CLI's --jsonl output (same policy); text lines equal
        // to engine.redact of the line (a sample).
        const { output } = await streamPass(engine, data, format, undefined, true);
        const outLines = output.toString('utf8').split('\n');
        outLines.pop();
        if (outLines.length !== lines.length) throw new BenchError(`${format}: ${outLines.length} lines out for ${lines.length} in`);
        if (output.equals(data)) throw new BenchError(`${format}: nothing was redacted`);
        if (format === 'json') {
            for (const line of outLines) JSON.parse(line);
            if (cliOutput && !cliOutput.equals(output)) throw new BenchError('json: output differs from phimask redact --jsonl');
        } else {
            for (let k = 0; k < lines.length; k += 97) {
                if (engine.redact(lines[k]).text !== outLines[k]) throw new BenchError(`text: line ${k + 1} differs from engine.redact`);
            }
        }
        for (const threads of [1, os.availableParallelism()]) {
            const times = [];
            let otherLoad = 0;
            for (let r = 0; r < reps; r++) {
                const meter = loadMeter();
                const pass = await streamPass(engine, data, format, threads, false);
                otherLoad = Math.max(otherLoad, meter() || 0);
                if (pass.outBytes !== output.length) throw new BenchError(`${format}: a timed pass gave a different output size`);
                times.push(pass.seconds);
            }
            const t = stats(times);
            rows.push({
                format,
                threads,
                reps,
                bytes: data.length,
                seconds: t.median,
                mb_per_s: data.length / 1e6 / t.median,
                mb_per_s_best: data.length / 1e6 / t.best,
                other_load: otherLoad,
            });
        }
    }
    // The binding alone on the same lines (no stream, no JSON): what the stream's text mode adds to.
    const times = [];
    for (let r = 0; r < reps; r++) {
        const t0 = process.hrtime.bigint();
        engine.redactMany(lines, { threads: 1 });
        times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
    const t = stats(times);
    rows.push({ format: 'redactMany', threads: 1, reps, bytes: data.length, seconds: t.median,
        mb_per_s: data.length / 1e6 / t.median, mb_per_s_best: data.length / 1e6 / t.best, other_load: NaN });
    return rows;
}

function cppFigures(build, data, reps) {
    const engineBench = path.join(build, 'bench', 'engine_bench');
    const cli = path.join(build, 'phimask');
    const out = { engineBench: null, cli: [], cliOutput: null };
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phimask-node-bench-'));
    try {
        const input = path.join(tmp, 'logs.jsonl');
        fs.writeFileSync(input, data);
        if (fs.existsSync(engineBench)) {
            const json = path.join(tmp, 'engine.json');
            const args = ['--clinical', 'none', '--logs', input, '--only', 'logs/leftmost/scanner', '--reps', String(reps),
                '--threads', String(os.availableParallelism()), '--json', json];
            const env = { ...process.env, PHIMASK_MODELS_PATH: path.join(ROOT, 'models') };
            delete env.PHIMASK_BENCH_POLICY;
            const proc = spawnSync(engineBench, args, { stdio: ['ignore', 'ignore', 'pipe'], env, encoding: 'utf8' });
            if (proc.status !== 0) throw new BenchError(`engine_bench failed (exit ${proc.status}): ${proc.stderr.slice(-400)}`);
            const summary = JSON.parse(fs.readFileSync(json, 'utf8'));
            out.engineBench = {
                command: `${path.relative(ROOT, engineBench)} ${args.slice(0, -2).join(' ').replace(input, '<logs>')}`,
                runs: summary.runs.map((r) => ({ threads: r.threads, mb_per_s: r.mb_per_s, mb_per_s_best: r.mb_per_s_best, other_load: r.background_cpus })),
            };
        }
        if (fs.existsSync(cli)) {
            const engineFile = path.join(tmp, 'engine.bin');
            execFileSync(cli, ['compile', '-o', engineFile]);
            for (const threads of [1, os.availableParallelism()]) {
                const args = ['redact', '--jsonl', '--threads', String(threads), '--engine', engineFile];
                const times = [];
                for (let r = 0; r < reps; r++) {
                    const t0 = process.hrtime.bigint();
                    const res = spawnSync(cli, args, { input: data, maxBuffer: 4 * data.length + (1 << 20) });
                    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
                    if (res.status !== 0) throw new BenchError(`phimask redact --jsonl failed (exit ${res.status})`);
                    if (threads === 1) out.cliOutput = res.stdout;
                }
                const t = stats(times);
                out.cli.push({
                    command: `${path.relative(ROOT, cli)} ${args.join(' ').replace(engineFile, 'engine.bin')} < <logs>`,
                    threads,
                    mb_per_s: data.length / 1e6 / t.median,
                    mb_per_s_best: data.length / 1e6 / t.best,
                });
            }
        }
    } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
    }
    return out;
}

// redact-pii (the most used npm PII redactor), installed outside the package's own manifest.
function loadRedactPii() {
    const prefix = path.join(ROOT, 'build', 'bench-node');
    const entry = path.join(prefix, 'node_modules', 'redact-pii');
    if (!fs.existsSync(entry)) {
        console.error(`bench.mjs: npm install --prefix ${path.relative(ROOT, prefix)} redact-pii`);
        execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', 'redact-pii'], {
            stdio: ['ignore', 'ignore', 'inherit'],
        });
    }
    const version = JSON.parse(fs.readFileSync(path.join(entry, 'package.json'), 'utf8')).version;
    return { SyncRedactor: createRequire(path.join(prefix, 'index.js'))('redact-pii').SyncRedactor, version };
}

function peerThroughput(data, peerMb, reps) {
    const { SyncRedactor, version } = loadRedactPii();
    const redactor = new SyncRedactor();
    const end = data.lastIndexOf(0x0a, Math.min(data.length, peerMb * 1e6) - 1);
    const lines = data.subarray(0, end + 1).toString('utf8').split('\n');
    lines.pop();
    const bytes = end + 1;
    let changed = 0;
    for (const line of lines.slice(0, 2000)) if (redactor.redact(line) !== line) changed++;
    if (changed === 0) throw new BenchError('redact-pii changed no line');
    const times = [];
    for (let r = 0; r < reps; r++) {
        const t0 = process.hrtime.bigint();
        for (const line of lines) redactor.redact(line);
        times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
    const t = stats(times);
    return { version, bytes, lines: lines.length, reps, mb_per_s: bytes / 1e6 / t.median, mb_per_s_best: bytes / 1e6 / t.best };
}

function machine() {
    let cpu = os.cpus()[0]?.model ?? 'unknown';
    try {
        const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
        if (m) cpu = m[1].trim();
    } catch {
        // keep os.cpus()'s
    }
    return { nproc: os.availableParallelism(), cpu, os: `${os.type()} ${os.release()}`, node: process.version };
}

export { parseArgs, waitQuiet, ensureCorpus, logBytes, latency, streamThroughput, cppFigures, peerThroughput, machine, BenchError };
