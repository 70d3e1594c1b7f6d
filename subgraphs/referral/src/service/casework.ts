/**
 * Casework on a referral (DOMAIN.md, "Casework: finding, what is due, notes, appointments"):
 * case notes. Each is written through the referral's one write path (lifecycle.ts), so that who may
 * write it, the history event, the audit event and the version bump are those of every other change.
 * Notes are never changed or removed: there is no update or delete path; a correction is a new note.
 */
import { isUuid } from '@reconnect/access';
import { actorLabel } from '@reconnect/auth';
import { requiredText } from '@reconnect/graph';
import type { Context } from '../context.ts';
import { caseNotes } from '../db/schema.ts';
import type { MutationAddCaseNoteArgs } from '../generated/graphql.ts';
import { changeReferral } from './lifecycle.ts';

export const MAX_CASE_NOTE_LENGTH = 10_000;

export function addCaseNote(ctx: Context, args: MutationAddCaseNoteArgs) {
  return changeReferral(ctx, {
    referralId: args.referralId,
    operation: 'ADD_NOTE',
    mutation: 'addCaseNote',
    plan: (current, now) => {
      const text = requiredText(args.text, 'text', 'A case note', MAX_CASE_NOTE_LENGTH);
      return {
        set: {},
        // The history says a note was added, never what it says (the note is the record of that).
        event: { type: 'referral.note-added' },
        fields: ['notes'],
        alsoWrite: async (tx) => {
          await tx.insert(caseNotes).values({
            referralId: current.id,
            at: now,
            author: actorLabel(ctx.principal),
            authorOrganisation: ctx.principal.organisationCode ?? null,
            staffId: ctx.principal.staffId && isUuid(ctx.principal.staffId) ? ctx.principal.staffId : null,
            text,
          });
        },
      };
    },
  });
}
