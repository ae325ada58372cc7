import { redirect, type RequestEvent } from '@sveltejs/kit';
import { noteCreate, type Note } from '@commonplace/contracts';
import { lastReadOrFirst } from '$lib/last-read';
import { panelHref } from '$lib/notes-panel/panel-view';
import { ABOUT_NO_READING, notesAbout, notesPerAbout, notesSections } from '$lib/notes-overview';
import { api } from '$lib/server/api';
import { apiFailure, formValues, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { courseId } = event.params;
  const [{ course }, notes, readings, groups] = await Promise.all([
    event.parent(),
    api(event, 'listNotes', { courseId }),
    api(event, 'listReadings', { courseId }),
    api(event, 'listGroups', { courseId }),
  ]);
  const staff = course.role !== 'STUDENT';
  // `?about=`: a reading of the course, `none`, or (absent, empty or unknown) every note.
  const asked = event.url.searchParams.get('about') || null;
  const known = asked === ABOUT_NO_READING || readings.data.some((reading) => reading.id === asked);
  const about = known ? asked : null;
  return {
    about,
    aboutUnknown: asked !== null && !known,
    noteCount: notes.data.length,
    /** What each of the filter's choices holds. */
    countsAbout: Object.fromEntries(notesPerAbout(notes.data)),
    sections: notesSections(notesAbout(notes.data, about), {
      staff,
      myGroupId: course.myGroupId,
      groups: groups.data.map(({ id, name }) => ({ id, name })),
    }),
    readings: readings.data.map(({ id, title }) => ({ id, title })),
    // Notes open in the reader's panel: one about no reading beside the reading last read.
    besideReadingId: lastReadOrFirst(readings.data)?.id ?? null,
    canWriteGroupNotes: !staff && course.myGroupId !== null,
  };
};

export const actions: Actions = {
  create: async (event) => {
    const { courseId } = event.params;
    const values = formValues(await event.request.formData());
    const input = {
      title: values.title ?? '',
      scope: values.scope,
      ...(values.readingId ? { readingId: values.readingId } : {}),
    };
    const parsed = parseForm(noteCreate, input, values);
    if (!parsed.ok) return parsed.failure;
    let created: Note;
    try {
      created = (await api(event, 'createNote', { courseId }, parsed.data)).data;
    } catch (e) {
      return apiFailure(e, values);
    }
    const besideReadingId = created.readingId ?? (await lastReadIdOf(event, courseId));
    const at = besideReadingId ? `/courses/${courseId}/readings/${besideReadingId}` : event.url.pathname;
    redirect(303, panelHref(new URL(at, event.url.origin), { scope: created.scope, noteId: created.id }));
  },
};

/**
 * The reading a note about no reading opens beside. The note is made by then: if the readings cannot
 * be listed, the writer comes back to this page, where it is listed, rather than told it failed.
 */
async function lastReadIdOf(event: RequestEvent, courseId: string): Promise<string | undefined> {
  try {
    return lastReadOrFirst((await api(event, 'listReadings', { courseId })).data)?.id;
  } catch (e) {
    console.error('A new note opened without the reading last read:', e);
    return undefined;
  }
}
