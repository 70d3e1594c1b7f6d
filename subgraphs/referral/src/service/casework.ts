/**
 * Casework on a referral (DOMAIN.md, "Casework: finding, what is due, notes, appointments"):
 * case notes and appointments. Each is written through the referral's one write path (lifecycle.ts), so that who may
 * write it, the history event, the audit event and the version bump are those of every other change.
 * Notes are never changed or removed: there is no update or delete path; a correction is a new note.
 */
import { and, eq } from 'drizzle-orm';
import { isUuid } from '@reconnect/access';
import { actorLabel } from '@reconnect/auth';
import { londonDateOf } from '@reconnect/config';
import { badInput, invalidTransition, notFound, optionalText, requiredText } from '@reconnect/graph';
import type { Context } from '../context.ts';
import { appointments, caseNotes, contacts, engagements, type AppointmentRow } from '../db/schema.ts';
import type {
  CommunityServiceType,
  ContactPurpose,
  MutationAddCaseNoteArgs,
  MutationBookAppointmentArgs,
  MutationRecordAppointmentOutcomeArgs,
} from '../generated/graphql.ts';
import { assignableStaff } from './lifecycle-directory.ts';
import { MAX_NOTE_LENGTH, MAX_PROVIDER_NAME_LENGTH } from './lifecycle-operations.ts';
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
            staffId: callerStaffId(ctx),
            text,
          });
        },
      };
    },
  });
}

export const MAX_LOCATION_LENGTH = 500;

/** The caller's staff id when its token carries one that is an id (service tokens may not). */
export function callerStaffId(ctx: Context): string | null {
  const id = ctx.principal.staffId;
  return id && isUuid(id) ? id : null;
}

/**
 * Books an appointment (BOOKED). A RECONNECT appointment needs a mode and a purpose and is with a
 * member of the caller's service (owning or receiving: changeReferral has checked which); a
 * community one needs a service type and provider, and starts once the referral is accepted, as
 * engagements do. It is booked for a time to come (what already happened is recorded with
 * recordContact or recordEngagement).
 */
export function bookAppointment(ctx: Context, args: MutationBookAppointmentArgs) {
  const { input } = args;
  return changeReferral(ctx, {
    referralId: args.referralId,
    operation: 'BOOK_APPOINTMENT',
    mutation: 'bookAppointment',
    expectedVersion: args.expectedVersion,
    plan: async (current, now) => {
      if (input.at.getTime() <= now.getTime()) {
        throw badInput(
          'input.at',
          'An appointment is booked for a time to come: record what happened with recordContact or recordEngagement.',
        );
      }
      const location = optionalText(input.location, 'input.location', 'A location', MAX_LOCATION_LENGTH);
      const note = optionalText(input.note, 'input.note', 'A note', MAX_NOTE_LENGTH);
      let details: Pick<
        typeof appointments.$inferInsert,
        'mode' | 'purpose' | 'staffId' | 'serviceType' | 'providerName'
      >;
      if (input.with === 'RECONNECT') {
        if (!input.mode) throw badInput('input.mode', 'A RECONNECT appointment needs a mode.');
        if (!input.purpose) throw badInput('input.purpose', 'A RECONNECT appointment needs a purpose.');
        if (input.serviceType != null || input.providerName != null) {
          throw badInput(
            'input.serviceType',
            'Only a community service appointment names a service type and provider.',
          );
        }
        const service = ctx.principal.organisationCode ?? current.owningServiceCode;
        const staffId = input.staffId ?? callerStaffId(ctx);
        const staff = staffId ? await assignableStaff(ctx, staffId, service, 'input.staffId', null) : null;
        details = {
          mode: input.mode,
          purpose: input.purpose,
          staffId: staff?.id ?? null,
          serviceType: null,
          providerName: null,
        };
      } else {
        if (current.status === 'SUBMITTED') {
          throw invalidTransition('A community service appointment is booked once the referral is accepted.');
        }
        if (!input.serviceType)
          throw badInput('input.serviceType', 'A community service appointment needs a service type.');
        if (input.mode != null || input.purpose != null || input.staffId != null) {
          throw badInput(
            'input.mode',
            'Only a RECONNECT appointment has a mode, a purpose and a member of staff.',
          );
        }
        const providerName = requiredText(
          input.providerName,
          'input.providerName',
          'A provider name',
          MAX_PROVIDER_NAME_LENGTH,
        );
        details = { mode: null, purpose: null, staffId: null, serviceType: input.serviceType, providerName };
      }
      return {
        set: {},
        // When and with whom, never where or why in the person's words.
        event: {
          type: 'referral.appointment-booked',
          reason: `${input.with === 'RECONNECT' ? `${input.mode} ${input.purpose}` : input.serviceType} appointment at ${input.at.toISOString()}`,
        },
        fields: ['appointments'],
        alsoWrite: async (tx) => {
          await tx.insert(appointments).values({
            referralId: current.id,
            at: input.at,
            with: input.with,
            ...details,
            location,
            status: 'BOOKED',
            note,
            bookedByService: ctx.principal.organisationCode ?? null,
            bookedAt: now,
            bookedBy: actorLabel(ctx.principal),
          });
        },
      };
    },
  });
}

/**
 * Records an appointment's outcome, once. ATTENDED writes the Contact (a RECONNECT appointment) or
 * the CommunityEngagement (a community one) in the same transaction; ATTENDED and MISSED only once
 * its time has come. The update is guarded on BOOKED, so two outcomes recorded at once cannot both
 * land, and a recorded one never changes (a mistake is put right with a case note).
 */
export async function recordAppointmentOutcome(ctx: Context, args: MutationRecordAppointmentOutcomeArgs) {
  const id = args.appointmentId;
  if (!isUuid(id)) throw notFound('Appointment');
  const [found] = await ctx.db.select().from(appointments).where(eq(appointments.id, id));
  // Security: an appointment of a referral the caller has no relationship with is not revealed.
  if (!found || !(await ctx.access.hasReferralRelationship(found.referralId))) throw notFound('Appointment');
  if (args.status === 'BOOKED') {
    throw badInput('status', 'An outcome is ATTENDED, MISSED or CANCELLED.');
  }
  const status = args.status;
  return changeReferral(ctx, {
    referralId: found.referralId,
    operation: 'RECORD_APPOINTMENT_OUTCOME',
    mutation: 'recordAppointmentOutcome',
    expectedVersion: args.expectedVersion,
    plan: async (current, now) => {
      const [appointment] = await ctx.db.select().from(appointments).where(eq(appointments.id, id));
      if (!appointment || appointment.status !== 'BOOKED') {
        throw invalidTransition(
          `The appointment is ${appointment?.status ?? 'gone'}: an outcome is recorded once (put a mistake right with a case note).`,
        );
      }
      if (status !== 'CANCELLED' && appointment.at.getTime() > now.getTime()) {
        throw badInput('status', `An appointment cannot be ${status.toLowerCase()} before its time.`);
      }
      const note = optionalText(args.note, 'note', 'A note', MAX_NOTE_LENGTH);
      const by = actorLabel(ctx.principal);
      return {
        set: {},
        event: {
          type: 'referral.appointment-outcome-recorded',
          reason: `Appointment at ${appointment.at.toISOString()}: ${status}`,
        },
        fields: status === 'ATTENDED' ? ['appointments', attendedField(appointment)] : ['appointments'],
        alsoWrite: async (tx) => {
          let contactId: string | null = null;
          let engagementId: string | null = null;
          if (status === 'ATTENDED' && appointment.with === 'RECONNECT') {
            const [contact] = await tx
              .insert(contacts)
              .values({
                referralId: current.id,
                occurredAt: appointment.at,
                mode: appointment.mode!,
                purpose: appointment.purpose!,
                staffId: appointment.staffId,
                note: note ?? appointment.note,
                recordedAt: now,
                recordedBy: by,
              })
              .returning({ id: contacts.id });
            contactId = contact!.id;
          } else if (status === 'ATTENDED') {
            const [engagement] = await tx
              .insert(engagements)
              .values({
                referralId: current.id,
                serviceType: appointment.serviceType!,
                providerName: appointment.providerName!,
                appointmentOn: londonDateOf(appointment.at),
                outcome: 'ATTENDED',
                recordedAt: now,
                recordedBy: by,
              })
              .returning({ id: engagements.id });
            engagementId = engagement!.id;
          }
          const updated = await tx
            .update(appointments)
            .set({
              status,
              ...(note ? { note } : {}),
              outcomeRecordedAt: now,
              outcomeRecordedBy: by,
              contactId,
              engagementId,
            })
            .where(and(eq(appointments.id, id), eq(appointments.status, 'BOOKED')))
            .returning({ id: appointments.id });
          if (updated.length === 0) {
            throw invalidTransition(
              "The appointment's outcome was recorded already (put a mistake right with a case note).",
            );
          }
        },
      };
    },
  });
}

const attendedField = (a: AppointmentRow) => (a.with === 'RECONNECT' ? 'contacts' : 'engagements');

/** An appointment as the API shows it. */
export function appointmentOf(a: AppointmentRow) {
  return {
    id: a.id,
    at: a.at,
    with: a.with,
    mode: a.mode,
    purpose: a.purpose as ContactPurpose | null,
    staff: a.staffId ? { __typename: 'Staff' as const, id: a.staffId } : null,
    serviceType: a.serviceType as CommunityServiceType | null,
    providerName: a.providerName,
    location: a.location,
    status: a.status,
    note: a.note,
    bookedAt: a.bookedAt,
    bookedBy: a.bookedBy,
    outcomeRecordedAt: a.outcomeRecordedAt,
    outcomeRecordedBy: a.outcomeRecordedBy,
  };
}
