import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import {
  assignmentCreate,
  assignmentUpdate,
  moduleCreate,
  moduleRestore,
  moduleUpdate,
  type Assignment,
} from '@commonplace/contracts';
import { positionsAfterMove } from '$lib/assignments';
import { localInputToIso } from '$lib/dates';
import { api } from '$lib/server/api';
import { apiFailure, formValues, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  // The reader saves progress as it closes, after this page's data may already be on its way.
  event.depends('app:progress');
  const params = { courseId: event.params.courseId };
  const [assignments, readings] = await Promise.all([
    api(event, 'listAssignments', params),
    api(event, 'listReadings', params),
  ]);
  return { assignments: assignments.data, readings: readings.data };
};

/**
 * The due date from a form: `due` as the browser's datetime-local value and `tz` its zone's
 * offset (set by the page's script; without it the time is read as UTC). Empty means no due date.
 */
function dueFrom(values: Record<string, string>): { ok: true; dueAt: string | null } | { ok: false } {
  if (!values.due?.trim()) return { ok: true, dueAt: null };
  const dueAt = localInputToIso(values.due, Number(values.tz ?? 0));
  return dueAt ? { ok: true, dueAt } : { ok: false };
}
const badDue = (values: Record<string, string>) =>
  fail(400, { message: 'Enter the due date as a date and a time.', fields: { due: 'Not a date and time.' }, values });

type Event = RequestEvent<{ courseId: string }>;

/** An unassigned reading as Undo puts it back: its week, due date and place in the week. */
const unassignedShape = z.object({
  moduleId: z.uuid(),
  readingId: z.uuid(),
  dueAt: z.iso.datetime().nullable(),
  position: z.number().int().min(0),
  readingTitle: z.string(),
});
const pick = ({ moduleId, dueAt, position, reading }: Assignment) => ({
  moduleId,
  readingId: reading.id,
  dueAt,
  position,
});
/** An undo field's JSON, or undefined when it is not JSON (the schema then refuses it). */
function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}
async function updateAssignment(event: Event, assignmentId: string, body: unknown) {
  await api(event, 'updateAssignment', { courseId: event.params.courseId, assignmentId }, body);
}

export const actions: Actions = {
  assign: async (event) => {
    const values = formValues(await event.request.formData());
    const due = dueFrom(values);
    if (!due.ok) return badDue(values);
    const input = { moduleId: values.moduleId, readingId: values.readingId, dueAt: due.dueAt };
    const parsed = parseForm(assignmentCreate, input, values);
    if (!parsed.ok) return fail(400, { message: 'Choose a reading to assign.', fields: {}, values });
    try {
      const { data } = await api(event, 'createAssignment', { courseId: event.params.courseId }, parsed.data);
      return { message: `Assigned “${data.reading.title}” to ${data.moduleTitle}.` };
    } catch (error) {
      return apiFailure(error, values);
    }
  },
  setDue: async (event) => {
    const values = formValues(await event.request.formData());
    const due = dueFrom(values);
    if (!due.ok) return badDue(values);
    const parsed = parseForm(assignmentUpdate, { dueAt: due.dueAt }, values);
    if (!parsed.ok) return parsed.failure;
    try {
      await updateAssignment(event, values.assignmentId ?? '', parsed.data);
    } catch (error) {
      return apiFailure(error, values);
    }
    return { message: due.dueAt ? 'Due date saved.' : 'Due date removed.' };
  },
  move: async (event) => {
    const values = formValues(await event.request.formData());
    const assignmentId = values.assignmentId ?? '';
    try {
      const all = (await api(event, 'listAssignments', { courseId: event.params.courseId })).data;
      const moving = all.find((a) => a.id === assignmentId);
      if (!moving) return fail(404, { message: 'That reading is no longer assigned here.', fields: {}, values });
      if (values.direction === 'up' || values.direction === 'down') {
        const siblings = all.filter((a) => a.moduleId === moving.moduleId);
        for (const change of positionsAfterMove(siblings, assignmentId, values.direction === 'up' ? -1 : 1)) {
          await updateAssignment(event, change.id, { position: change.position });
        }
        return { message: `Moved “${moving.reading.title}” ${values.direction}.` };
      }
      const target = all.filter((a) => a.moduleId === values.moduleId);
      const position = Math.max(-1, ...target.map((a) => a.position)) + 1;
      const parsed = parseForm(assignmentUpdate, { moduleId: values.moduleId, position }, values);
      if (!parsed.ok) return fail(400, { message: 'Choose the week to move it to.', fields: {}, values });
      await updateAssignment(event, assignmentId, parsed.data);
      return { message: `Moved “${moving.reading.title}”.` };
    } catch (error) {
      return apiFailure(error, values);
    }
  },
  unassign: async (event) => {
    const values = formValues(await event.request.formData());
    const params = { courseId: event.params.courseId, assignmentId: values.assignmentId ?? '' };
    try {
      const assigned = (await api(event, 'listAssignments', { courseId: event.params.courseId })).data;
      const removed = assigned.find((a) => a.id === params.assignmentId);
      await api(event, 'deleteAssignment', params);
      // What Undo needs to assign it again where it was, with its due date.
      const undo = removed && JSON.stringify({ ...pick(removed), readingTitle: removed.reading.title });
      return { message: 'Unassigned. The reading stays in the course’s readings.', undoUnassign: undo };
    } catch (error) {
      return apiFailure(error, values);
    }
  },
  reassign: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = unassignedShape.safeParse(parseJson(values.undo));
    if (!parsed.success) return fail(400, { message: 'That undo is no longer possible.', fields: {}, values });
    const { moduleId, readingId, dueAt, position, readingTitle } = parsed.data;
    try {
      const { data } = await api(
        event,
        'createAssignment',
        { courseId: event.params.courseId },
        { moduleId, readingId, dueAt },
      );
      await updateAssignment(event, data.id, { position });
    } catch (error) {
      return apiFailure(error, values);
    }
    return { message: `“${readingTitle}” is assigned again.` };
  },
  addModule: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(moduleCreate, { title: values.title, startsOn: values.startsOn || null }, values);
    if (!parsed.ok) return parsed.failure;
    try {
      await api(event, 'createModule', { courseId: event.params.courseId }, parsed.data);
    } catch (error) {
      return apiFailure(error, values);
    }
    return { message: `Added “${parsed.data.title}”.` };
  },
  editModule: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(moduleUpdate, { title: values.title, startsOn: values.startsOn || null }, values);
    if (!parsed.ok) return parsed.failure;
    try {
      await api(
        event,
        'updateModule',
        { courseId: event.params.courseId, moduleId: values.moduleId ?? '' },
        parsed.data,
      );
    } catch (error) {
      return apiFailure(error, values);
    }
    return { message: `Saved “${parsed.data.title}”.` };
  },
  deleteModule: async (event) => {
    const values = formValues(await event.request.formData());
    try {
      const params = { courseId: event.params.courseId, moduleId: values.moduleId ?? '' };
      const { data } = await api(event, 'deleteModule', params);
      const readings = data.assignments.length;
      const unassigned = readings ? ` and unassigned its ${readings === 1 ? 'reading' : `${readings} readings`}` : '';
      return { message: `Deleted “${data.title}”${unassigned}.`, undoDelete: JSON.stringify(data) };
    } catch (error) {
      return apiFailure(error, values);
    }
  },
  restoreModule: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = moduleRestore.safeParse(parseJson(values.undo));
    if (!parsed.success) return fail(400, { message: 'That undo is no longer possible.', fields: {}, values });
    try {
      await api(event, 'restoreModule', { courseId: event.params.courseId }, parsed.data);
    } catch (error) {
      return apiFailure(error, values);
    }
    const readings = parsed.data.assignments.length;
    const withReadings = readings
      ? ` with its ${readings === 1 ? 'reading' : `${readings} readings`} and due dates`
      : '';
    return { message: `Restored “${parsed.data.title}”${withReadings}.` };
  },
  rotateCode: async (event) => {
    try {
      await api(event, 'rotateJoinCode', { courseId: event.params.courseId });
    } catch (error) {
      return apiFailure(error);
    }
    return { message: 'Issued a new join code; the old one no longer works.' };
  },
  setCode: async (event) => {
    const values = formValues(await event.request.formData());
    if (values.enabled !== 'true' && values.enabled !== 'false')
      return fail(400, { message: 'Choose on or off.', fields: {}, values });
    try {
      await api(event, 'setJoinCode', { courseId: event.params.courseId }, { enabled: values.enabled === 'true' });
    } catch (error) {
      return apiFailure(error, values);
    }
    return { message: values.enabled === 'true' ? 'Students can join with the code.' : 'Joining by code is off.' };
  },
};
