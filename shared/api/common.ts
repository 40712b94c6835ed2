// Pieces every capability's part of the contract uses: roles, ids, messages, cell values.
import { z } from 'zod';

export const roles = ['agent', 'reviewer', 'admin'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

// 'public' methods need no signed-in user (first run, sign-in); every other method names the
// least role allowed, in the order agent < reviewer < admin.
export type Access = 'public' | Role;

export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
  // Callable by a user who must still replace a password an administrator set; every other
  // method answers auth.password_change_required until then.
  beforePasswordChange?: true;
}

export const columnType = z.enum(['integer', 'decimal', 'boolean', 'date', 'datetime', 'text']);
export type ColumnType = z.infer<typeof columnType>;

export const empty = z.object({}).strict();
export const id = z.number().int().positive();
export const isoDateTime = z.string();

export const message = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Message = z.infer<typeof message>;

export const cellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof cellValue>;

// A column id as the page sends it; checked against the version's columns before any SQL.
export const colId = z.string().min(1).max(64);
export const versionRef = z.object({ versionId: id });
