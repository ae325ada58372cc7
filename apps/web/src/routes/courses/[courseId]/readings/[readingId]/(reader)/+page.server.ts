import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import {
  commentCreate,
  noteCreate,
  noteUpdate,
  progressUpdate,
  readingUpdate,
  type Note,
  type NoteDeleted,
} from '@commonplace/contracts';
import { panelHref, panelQueryOf, panelView, READER_NOTES } from '$lib/notes-panel/panel-view';
import { metadataFromForm } from '$lib/reading/metadata-form';
import { api, notFoundAsPage } from '$lib/server/api';
import { setFlash } from '$lib/server/flash';
import { apiFailure, formValues, parseForm, type FormFailure } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/**
 * The notes beside the reading: the panel's list and open note, and the count on its tab. Apart from
 * the reading's own load (the layout's), so that a groupmate's new note, or a move in the panel, loads
 * these again and not the reading, its citations and its annotations.
 */
export const load: PageServerLoad = async (event) => {
  const { courseId, readingId } = event.params;
  event.depends(READER_NOTES);
  return notFoundAsPage(async () => {
    // The notes are asked for while the layouts load (`parent` waits for the reading's too).
    const [notes, { course }] = await Promise.all([api(event, 'listNotes', { courseId }), event.parent()]);
    const staff = course.role !== 'STUDENT';
    const groups = staff
      ? (await api(event, 'listGroups', { courseId })).data.map(({ id, name }) => ({ id, name }))
      : [];
    const panel = panelView(panelQueryOf(event.url.searchParams), {
      readingId,
      notes: notes.data,
      staff,
      groups,
      myGroupId: course.myGroupId,
    });
    const comments = panel.open ? (await api(event, 'listComments', { courseId, noteId: panel.open.id })).data : [];
    return {
      panel,
      /** Every note on this reading the viewer may read, whichever tab or group the panel shows. */
      notesHere: notes.data.filter((note) => note.readingId === readingId).length,
      groups,
      comments,
    };
  });
};

/** The page has several forms; each result says which one it answers, so it shows beside that one. */
type ReaderForm =
  'finish' | 'details' | 'delete' | 'groupNote' | 'newNote' | 'comment' | 'deleteComment' | 'renameNote' | 'deleteNote';
const answering = <F extends ReaderForm>(form: F, failure: ActionFailure<FormFailure>) =>
  fail(failure.status, { ...failure.data, form });

export const actions: Actions = {
  finish: async (event) => {
    const values = formValues(await event.request.formData());
    const input = { furthest: 1, lastBlock: Number(values.lastBlock), activeSecondsDelta: 0, completed: true };
    const parsed = parseForm(progressUpdate, input, values);
    if (!parsed.ok) return answering('finish', parsed.failure);
    try {
      await api(event, 'saveProgress', event.params, parsed.data);
    } catch (e) {
      return answering('finish', apiFailure(e, values));
    }
    return { form: 'finish' as const };
  },

  details: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(readingUpdate, metadataFromForm(values), values);
    if (!parsed.ok) return answering('details', parsed.failure);
    try {
      await api(event, 'updateReading', event.params, parsed.data);
    } catch (e) {
      return answering('details', apiFailure(e, values));
    }
    return { form: 'details' as const, saved: true };
  },

  groupNote: async (event) => {
    const { courseId, readingId } = event.params;
    let created: Note;
    try {
      const { title } = (await api(event, 'getReading', { courseId, readingId })).data;
      const parsed = parseForm(noteCreate, { title: `Notes on ${title}`, readingId, scope: 'group' }, {});
      if (!parsed.ok) return answering('groupNote', parsed.failure);
      created = (await api(event, 'createNote', { courseId }, parsed.data)).data;
    } catch (e) {
      return answering('groupNote', apiFailure(e));
    }
    redirect(303, noteHref(event.url, created));
  },

  newNote: async (event) => {
    const { courseId, readingId } = event.params;
    const values = formValues(await event.request.formData());
    const input = {
      title: values.noteTitle ?? '',
      scope: values.scope,
      ...(values.onReading === 'on' ? { readingId } : {}),
    };
    const parsed = parseForm(noteCreate, input, values);
    if (!parsed.ok) return answering('newNote', withFieldNames(parsed.failure, { title: 'noteTitle' }));
    let created: Note;
    try {
      created = (await api(event, 'createNote', { courseId }, parsed.data)).data;
    } catch (e) {
      return answering('newNote', withFieldNames(apiFailure(e, values), { title: 'noteTitle' }));
    }
    redirect(303, noteHref(event.url, created));
  },

  renameNote: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(noteUpdate, { title: values.renameTitle ?? '' }, values);
    if (!parsed.ok) return answering('renameNote', withFieldNames(parsed.failure, { title: 'renameTitle' }));
    try {
      await api(event, 'updateNote', { courseId: event.params.courseId, noteId: values.noteId ?? '' }, parsed.data);
    } catch (e) {
      return answering('renameNote', withFieldNames(apiFailure(e, values), { title: 'renameTitle' }));
    }
    return { form: 'renameNote' as const };
  },

  deleteNote: async (event) => {
    const { noteId = '' } = formValues(await event.request.formData());
    let deleted: NoteDeleted;
    try {
      deleted = (await api(event, 'deleteNote', { courseId: event.params.courseId, noteId })).data;
    } catch (e) {
      return answering('deleteNote', apiFailure(e));
    }
    return { form: 'deleteNote' as const, undo: deleted.id, title: deleted.title };
  },

  /** The undo of deleteNote: its toast posts back the note's id. */
  restoreNote: async (event) => {
    const { undo = '' } = formValues(await event.request.formData());
    try {
      await api(event, 'restoreNote', { courseId: event.params.courseId, noteId: undo });
    } catch (e) {
      return answering('deleteNote', apiFailure(e));
    }
    return { form: 'deleteNote' as const };
  },

  comment: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(commentCreate, { body: values.comment ?? '' }, values);
    if (!parsed.ok) return answering('comment', withFieldNames(parsed.failure, { body: 'comment' }));
    try {
      await api(event, 'createComment', { courseId: event.params.courseId, noteId: values.noteId ?? '' }, parsed.data);
    } catch (e) {
      return answering('comment', withFieldNames(apiFailure(e, values), { body: 'comment' }));
    }
    return { form: 'comment' as const };
  },

  deleteComment: async (event) => {
    const { noteId = '', commentId = '' } = formValues(await event.request.formData());
    try {
      await api(event, 'deleteComment', { courseId: event.params.courseId, noteId, commentId });
    } catch (e) {
      return answering('deleteComment', apiFailure(e));
    }
    return { form: 'deleteComment' as const, undo: JSON.stringify({ noteId, commentId }) };
  },

  /** The undo of deleteComment: its toast posts back what was deleted. */
  restoreComment: async (event) => {
    const { undo = '' } = formValues(await event.request.formData());
    const { noteId = '', commentId = '' } = parseUndo(undo);
    try {
      await api(event, 'restoreComment', { courseId: event.params.courseId, noteId, commentId });
    } catch (e) {
      return answering('deleteComment', apiFailure(e));
    }
    return { form: 'comment' as const };
  },

  delete: async (event) => {
    const readings = `/courses/${event.params.courseId}/readings`;
    let title: string;
    try {
      title = (await api(event, 'getReading', event.params)).data.title;
      await api(event, 'deleteReading', event.params);
    } catch (e) {
      return answering('delete', apiFailure(e));
    }
    setFlash(event.cookies, readings, `Deleted “${title}”.`, event.url.protocol === 'https:');
    redirect(303, readings);
  },
};

/** The reader with the new note open in its tab (the action's own `?/name` dropped). */
function noteHref(url: URL, note: Note): string {
  return panelHref(new URL(url.pathname, url.origin), { scope: note.scope, noteId: note.id });
}

/** A failure's field names as the form names them (its inputs are prefixed, apart from the page's other forms). */
function withFieldNames(
  failure: ActionFailure<FormFailure>,
  names: Record<string, string>,
): ActionFailure<FormFailure> {
  const fields = Object.fromEntries(
    Object.entries(failure.data.fields).map(([key, message]) => [names[key] ?? key, message]),
  );
  return fail(failure.status, { ...failure.data, fields });
}

function parseUndo(value: string): { noteId?: string; commentId?: string } {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? (parsed as { noteId?: string; commentId?: string }) : {};
  } catch {
    return {};
  }
}
