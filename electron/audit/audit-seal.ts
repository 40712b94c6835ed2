import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { z } from 'zod';
import type { KeyLookup } from '../platform/key-vault';
import { privateFileMode } from '../platform/private-files';
import type { Db } from '../workspace/open-workspace';

// What a connection needs to append to the keyed audit chain: the workspace's key (fetched
// from the platform's vault when the process opened the workspace) and the file beside that
// key where the head of the chain is kept, outside the workspace.
export interface AuditSeal {
  workspaceId: string;
  key: KeyLookup;
  headPath: string;
}

// The same, as plain data for a worker thread that appends from its own connection.
export interface AuditSealData {
  workspaceId: string;
  keyState: KeyLookup['state'];
  keyBase64: string | null;
  headPath: string;
}

export interface AuditHead {
  count: number;
  lastId: number;
  mac: string;
}

const seals = new WeakMap<Db, AuditSeal>();

export function bindAuditSeal(db: Db, seal: AuditSeal): void {
  seals.set(db, seal);
}

// A connection that appends without a seal is a bug in the code that opened it.
export function auditSealOf(db: Db): AuditSeal {
  const seal = seals.get(db);
  if (!seal) throw new Error('audit: this connection was opened without its audit key (bindAuditSeal)');
  return seal;
}

export function auditHeadPath(keysDir: string, workspaceId: string): string {
  return join(keysDir, `${workspaceId}.head`);
}

export function sealToData(seal: AuditSeal): AuditSealData {
  return {
    workspaceId: seal.workspaceId,
    keyState: seal.key.state,
    keyBase64: seal.key.state === 'present' ? seal.key.key.toString('base64') : null,
    headPath: seal.headPath,
  };
}

export function sealFromData(data: AuditSealData): AuditSeal {
  const key: KeyLookup =
    data.keyState === 'present' && data.keyBase64 !== null
      ? { state: 'present', key: Buffer.from(data.keyBase64, 'base64') }
      : { state: data.keyState === 'unavailable' ? 'unavailable' : 'missing' };
  return { workspaceId: data.workspaceId, key, headPath: data.headPath };
}

export function hmacHex(key: Buffer, value: unknown): string {
  return createHmac('sha256', key).update(JSON.stringify(value)).digest('hex');
}

export function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

// The head file carries its own MAC: a program that can write the user's files but not read
// the keychain-wrapped key cannot move the head back to match a truncated log.
const headFile = z.object({ v: z.literal(1), count: z.number().int().min(0), lastId: z.number().int().min(0), mac: z.string(), seal: z.string() });

function headSeal(key: Buffer, workspaceId: string, head: AuditHead): string {
  return hmacHex(key, ['audit-head', workspaceId, head.count, head.lastId, head.mac]);
}

export type HeadRead = { state: 'none' } | { state: 'forged' } | { state: 'ok'; head: AuditHead };

export function readAuditHead(seal: AuditSeal, key: Buffer): HeadRead {
  let text: string;
  try {
    text = readFileSync(seal.headPath, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { state: 'none' };
    throw error;
  }
  let parsed;
  try {
    parsed = headFile.safeParse(JSON.parse(text));
  } catch {
    return { state: 'forged' };
  }
  if (!parsed.success) return { state: 'forged' };
  const head = { count: parsed.data.count, lastId: parsed.data.lastId, mac: parsed.data.mac };
  return sameHex(parsed.data.seal, headSeal(key, seal.workspaceId, head)) ? { state: 'ok', head } : { state: 'forged' };
}

// Replaced in one rename, so a reader sees the old head or the new one, never half of one.
// The folder exists: the key beside it was read from there.
export function writeAuditHead(seal: AuditSeal, key: Buffer, head: AuditHead): void {
  const aside = `${seal.headPath}.${process.pid}-${threadId}.tmp`;
  try {
    writeFileSync(aside, JSON.stringify({ v: 1, ...head, seal: headSeal(key, seal.workspaceId, head) }), { mode: privateFileMode });
    renameSync(aside, seal.headPath);
  } finally {
    rmSync(aside, { force: true });
  }
}
