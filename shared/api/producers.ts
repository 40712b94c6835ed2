// Producers: the organisations that own datasets (the agglomeration and its member communes),
// and who belongs to each with which role.
import { z } from 'zod';
import { empty, id, isoDateTime, type MethodSpec } from './common';

// What a user may be in one producer; admins see every producer without a membership.
export const memberRole = z.enum(['agent', 'reviewer']);
export type MemberRole = z.infer<typeof memberRole>;

// An open list in the workspace (no CHECK): more kinds (syndicat, département) will come.
export const producerKind = z.enum(['epci', 'commune', 'other']);
export type ProducerKind = z.infer<typeof producerKind>;

// SIREN of an EPCI (9 digits), INSEE code of a commune (5 characters, Corsica 2A/2B).
export const sirenCode = z.string().regex(/^\d{9}$/);
export const inseeCode = z.string().regex(/^(\d{5}|2[AB]\d{3})$/);

export const producerSummary = z.object({
  id,
  name: z.string(),
  kind: producerKind,
  code: z.string().nullable(),
  parentId: id.nullable(),
  memberCount: z.number().int().min(0),
  datasetCount: z.number().int().min(0),
  // The caller's role in it; null for an admin who is not a member.
  myRole: memberRole.nullable(),
  createdAt: isoDateTime,
});
export type ProducerSummary = z.infer<typeof producerSummary>;

export const producerMember = z.object({
  userId: id,
  name: z.string(),
  displayName: z.string(),
  role: memberRole,
});
export type ProducerMember = z.infer<typeof producerMember>;

// One EPCI of the shipped extract of the official geographic code.
export const cogEpci = z.object({
  siren: sirenCode,
  name: z.string(),
  communeCount: z.number().int().min(0),
});
export type CogEpci = z.infer<typeof cogEpci>;

const producerRef = z.object({ producerId: id });

export const producersMethods = {
  // Admins: every producer; others: the producers they belong to.
  'producers.list': { input: empty, output: z.array(producerSummary), access: 'agent' },
  'producers.create': {
    input: z
      .object({
        name: z.string().trim().min(1).max(200),
        kind: producerKind,
        code: z.string().trim().max(20).nullable().default(null),
        parentId: id.nullable().default(null),
      })
      .refine((p) => p.kind === 'other' || p.code !== null, { path: ['code'] })
      .refine((p) => p.code === null || (p.kind === 'epci' ? sirenCode : inseeCode).safeParse(p.code).success, { path: ['code'] }),
    output: producerSummary,
    access: 'admin',
  },
  // Searches the shipped COG extract by SIREN or by name (accents and case ignored).
  'producers.searchCog': {
    input: z.object({ query: z.string().trim().min(2).max(200) }),
    output: z.array(cogEpci).max(20),
    access: 'admin',
  },
  // Creates the EPCI and each of its member communes; those already there are kept as they are.
  'producers.importFromCog': {
    input: z.object({ siren: sirenCode }),
    output: z.object({ epci: producerSummary, communes: z.array(producerSummary), created: z.number().int().min(0) }),
    access: 'admin',
  },
  'producers.members': { input: producerRef, output: z.array(producerMember), access: 'admin' },
  // Adds the user to the producer, or changes their role there.
  'producers.setMember': {
    input: producerRef.extend({ userId: id, role: memberRole }),
    output: z.array(producerMember),
    access: 'admin',
  },
  'producers.removeMember': { input: producerRef.extend({ userId: id }), output: z.array(producerMember), access: 'admin' },
} as const satisfies Record<string, MethodSpec>;
