/**
 * Runs the file reader in a child process and reports its peak RSS, so a memory bound is measured on a process
 * that did nothing else (the test runner's own heap would hide or blur it).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What the child read: each item as "article <source>" or "<code> <source>: <reason>", and its RSS in MB. */
export interface ChildRead {
  readonly peakMb: number;
  /** Peak RSS once the reader module was loaded, before reading. */
  readonly baseMb: number;
  readonly items: string[];
}

/** Reads `path` with readPath and `maxBytes` in a fresh Node process. */
export function readInChild(path: string, maxBytes: number): ChildRead {
  const reader = fileURLToPath(new URL('../../src/ingest/read-file.ts', import.meta.url));
  const script = `
    const { readPath } = await import(${JSON.stringify(reader)});
    const baseMb = process.resourceUsage().maxRSS / 1024;
    const items = [];
    for await (const item of readPath(${JSON.stringify(path)}, { maxBytes: ${maxBytes} })) items.push(item.code ? item.code + ' ' + item.file + ': ' + item.reason : 'article ' + item.source);
    console.log(JSON.stringify({ peakMb: process.resourceUsage().maxRSS / 1024, baseMb, items }));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 180_000 });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as ChildRead;
}
