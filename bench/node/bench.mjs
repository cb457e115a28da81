#!/usr/bin/env node
// The Node package's benchmark: per-call latency of engine.redact, RedactStream
// throughput on the log corpus (json and text modes), the C++ engine and CLI on
// the same corpus in the same run, and redact-pii (SyncRedactor) for comparison.
// Every figure is validated before it is timed. See bench/node/README.md.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
    BenchError,
    cppFigures,
    ensureCorpus,
    latency,
    logBytes,
    machine,
    parseArgs,
    peerThroughput,
    streamThroughput,
    waitQuiet,
} from './measure.mjs';

const require = createRequire(import.meta.url);

const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const status = (ok) => (ok ? 'met' : '**missed**');

/** Puts `section` above the newest section of RESULTS.md (newest first), leaving the others as they are. */
function insertSection(file, section) {
    const text = fs.readFileSync(file, 'utf8');
    const at = text.search(/^## /m);
    const head = at === -1 ? text : text.slice(0, at);
    const rest = at === -1 ? '' : text.slice(at);
    fs.writeFileSync(file, `${head}${section.trimEnd()}\n\n${rest}`);
}

function render(fig) {
    const out = [];
    out.push(`## ${fig.date.slice(0, 16).replace('T', ' ')} UTC: Node binding, ${fig.machine.cpu}, ${fig.machine.nproc} CPUs`, '');
    out.push(`- Date: ${fig.date}`);
    out.push(`- Machine: nproc ${fig.machine.nproc}, CPU "${fig.machine.cpu}", ${fig.machine.os}, Node ${fig.machine.node}, phimask ${fig.version}`);
    out.push(`- Command: \`${fig.command}\``);
    out.push(`- Corpus: \`${fig.corpus.file}\` (${fig.corpus.lines.toLocaleString('en')} lines, ${fmt(fig.corpus.bytes / 1e6)} MB; \`bench/gen_corpus.py\` seed 42); latency prompts from \`clinical.txt\``);
    out.push(`- Policy: the default engine (\`phimask.defaultEngine()\`, version ${fig.policyVersion}); the C++ runs compile the same packs from \`models/\``);
    if (fig.quietShare !== null) out.push(`- Machine busy share before timing: ${fmt(fig.quietShare, 2)}`);
    out.push('');
    const l2k = fig.latency.find((r) => r.label === '2 KB');
    const text1 = fig.stream.find((r) => r.format === 'text' && r.threads === 1);
    const json1 = fig.stream.find((r) => r.format === 'json' && r.threads === 1);
    const cpp1 = fig.cpp?.engineBench?.runs.find((r) => r.threads === 1);
    const cli1 = fig.cpp?.cli.find((r) => r.threads === 1);
    out.push('### Targets', '', '| figure | target | measured | |', '| --- | --- | --- | --- |');
    out.push(`| \`engine.redact\`, 2 KB prompt, p50 | ≤ 30 µs | ${fmt(l2k.p50_us)} µs | ${status(l2k.p50_us <= 30)} |`);
    if (cpp1) {
        const r = text1.mb_per_s / cpp1.mb_per_s;
        out.push(`| RedactStream text, 1 thread / C++ \`Scanner::redact\` per log line, 1 thread | ≥ 80% | ${fmt(100 * r, 0)}% (${fmt(text1.mb_per_s)} vs ${fmt(cpp1.mb_per_s)} MB/s) | ${status(r >= 0.8)} |`);
    }
    if (cli1) {
        const r = json1.mb_per_s / cli1.mb_per_s;
        out.push(`| RedactStream json, 1 thread / \`phimask redact --jsonl\`, 1 thread | ≥ 80% | ${fmt(100 * r, 0)}% (${fmt(json1.mb_per_s)} vs ${fmt(cli1.mb_per_s)} MB/s) | ${status(r >= 0.8)} |`);
    }
    if (fig.peer) {
        const r = text1.mb_per_s / fig.peer.mb_per_s;
        out.push(`| RedactStream text, 1 thread / redact-pii \`SyncRedactor\` | ≥ 20x | ${fmt(r, 0)}x (${fmt(text1.mb_per_s)} vs ${fmt(fig.peer.mb_per_s, 2)} MB/s) | ${status(r >= 20)} |`);
    }
    out.push('', '### Per-call latency (`engine.redact(string)`, default engine)', '');
    out.push('| prompt | bytes | spans | calls | p50 µs | p90 µs | p99 µs | mean µs | other load |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of fig.latency) {
        out.push(`| ${r.label} | ${r.bytes} | ${r.spans} | ${r.calls} | ${fmt(r.p50_us)} | ${fmt(r.p90_us)} | ${fmt(r.p99_us)} | ${fmt(r.mean_us)} | ${fmt(r.other_load, 2)} |`);
    }
    out.push('', '### Log throughput (same corpus, same run; MB/s, median of reps, best alongside)', '');
    out.push('| what | threads | MB/s | best MB/s | other load |', '| --- | --- | --- | --- | --- |');
    for (const r of fig.stream) {
        if (r.format === 'redactMany') {
            out.push(`| \`engine.redactMany(lines, { threads: 1 })\` (sync, no stream) | 1 | ${fmt(r.mb_per_s)} | ${fmt(r.mb_per_s_best)} | |`);
            continue;
        }
        out.push(`| RedactStream \`format: '${r.format}'\` (64 KiB chunks) | ${r.threads} | ${fmt(r.mb_per_s)} | ${fmt(r.mb_per_s_best)} | ${fmt(r.other_load, 2)} |`);
    }
    for (const r of fig.cpp?.engineBench?.runs ?? []) {
        out.push(`| C++ \`Scanner::redact\` per whole line (engine_bench) | ${r.threads} | ${fmt(r.mb_per_s)} | ${fmt(r.mb_per_s_best)} | ${fmt(r.other_load, 2)} |`);
    }
    for (const r of fig.cpp?.cli ?? []) {
        out.push(`| CLI \`phimask redact --jsonl\` (whole process) | ${r.threads} | ${fmt(r.mb_per_s)} | ${fmt(r.mb_per_s_best)} | |`);
    }
    if (fig.peer) {
        out.push(`| redact-pii ${fig.peer.version} \`SyncRedactor.redact\` per line, first ${fmt(fig.peer.bytes / 1e6, 2)} MB | 1 | ${fmt(fig.peer.mb_per_s, 2)} | ${fmt(fig.peer.mb_per_s_best, 2)} | |`);
    }
    out.push('');
    if (fig.cpp?.engineBench) out.push(`C++: \`${fig.cpp.engineBench.command}\``);
    for (const r of fig.cpp?.cli ?? []) out.push(`CLI: \`${r.command}\``);
    out.push('');
    return out.join('\n');
}

async function main() {
    const opts = parseArgs(process.argv.slice(2));
    const phimask = require('../../node/lib/index.js');
    const corpus = ensureCorpus(opts.dataDir);
    const data = logBytes(corpus.logs, opts.limitMb);
    const quietShare = opts.waitQuiet ? await waitQuiet(opts.waitQuiet) : null;
    const engine = phimask.defaultEngine();
    const fig = {
        date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        machine: machine(),
        version: phimask.version,
        policyVersion: engine.redact('').summary.policyVersion,
        command: `node bench/node/bench.mjs ${process.argv.slice(2).join(' ')}`.trim(),
        corpus: { file: path.relative(process.cwd(), corpus.logs), bytes: data.length, lines: data.toString('latin1').split('\n').length - 1 },
        quietShare,
    };
    console.error('bench.mjs: C++ engine and CLI');
    fig.cpp = opts.cpp ? cppFigures(opts.build, data, opts.reps) : null;
    console.error('bench.mjs: per-call latency');
    fig.latency = latency(engine, corpus.clinical);
    console.error('bench.mjs: RedactStream');
    fig.stream = await streamThroughput(engine, data, opts.reps, fig.cpp?.cliOutput ?? null);
    if (fig.cpp) delete fig.cpp.cliOutput;
    console.error('bench.mjs: redact-pii');
    fig.peer = opts.peer ? peerThroughput(data, opts.peerMb, opts.reps) : null;
    const report = render(fig);
    process.stdout.write(report);
    if (opts.out) fs.writeFileSync(opts.out, report);
    if (opts.results) insertSection(opts.results, report);
    if (opts.json) fs.writeFileSync(opts.json, JSON.stringify(fig, null, 2) + '\n');
}

main().catch((error) => {
    console.error(`bench.mjs: ${error instanceof BenchError ? '' : 'unexpected error: '}${error.stack || error}`);
    process.exit(2);
});
