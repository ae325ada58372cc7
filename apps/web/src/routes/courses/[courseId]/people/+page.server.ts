import { groupCreate, groupSettings, roleChange } from '@commonplace/contracts';
import { api } from '$lib/server/api';
import { apiFailure, formValues, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const courseId = event.params.courseId;
  const [roster, groups] = await Promise.all([
    api(event, 'roster', { courseId }),
    api(event, 'listGroups', { courseId }),
  ]);
  return { roster: roster.data, groups: groups.data };
};

/** Runs one API call for a form and answers with a confirmation or the API's refusal. */
async function perform(values: Record<string, string>, call: () => Promise<unknown>, message: string) {
  try {
    await call();
  } catch (error) {
    return apiFailure(error, values);
  }
  return { message };
}

export const actions: Actions = {
  changeRole: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(roleChange, { role: values.role }, values);
    if (!parsed.ok) return parsed.failure;
    const params = { courseId: event.params.courseId, userId: values.userId ?? '' };
    return perform(values, () => api(event, 'changeRole', params, parsed.data), 'Role changed.');
  },
  removeMember: async (event) => {
    const values = formValues(await event.request.formData());
    const params = { courseId: event.params.courseId, userId: values.userId ?? '' };
    return perform(values, () => api(event, 'removeMember', params), 'Removed from the course.');
  },
  createGroup: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(groupCreate, values, values);
    if (!parsed.ok) return parsed.failure;
    const params = { courseId: event.params.courseId };
    return perform(values, () => api(event, 'createGroup', params, parsed.data), `Created “${parsed.data.name}”.`);
  },
  renameGroup: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(groupCreate, { name: values.name }, values);
    if (!parsed.ok) return parsed.failure;
    const params = { courseId: event.params.courseId, groupId: values.groupId ?? '' };
    return perform(values, () => api(event, 'renameGroup', params, parsed.data), 'Group renamed.');
  },
  deleteGroup: async (event) => {
    const values = formValues(await event.request.formData());
    const params = { courseId: event.params.courseId, groupId: values.groupId ?? '' };
    return perform(values, () => api(event, 'deleteGroup', params), 'Group deleted; its members are ungrouped.');
  },
  assign: async (event) => {
    const values = formValues(await event.request.formData());
    const params = { courseId: event.params.courseId, groupId: values.groupId ?? '', userId: values.userId ?? '' };
    return perform(values, () => api(event, 'assignToGroup', params), 'Student placed in the group.');
  },
  unassign: async (event) => {
    const values = formValues(await event.request.formData());
    const params = { courseId: event.params.courseId, groupId: values.groupId ?? '', userId: values.userId ?? '' };
    return perform(values, () => api(event, 'removeFromGroup', params), 'Student taken out of the group.');
  },
  pick: async (event) => {
    const values = formValues(await event.request.formData());
    const params = { courseId: event.params.courseId, groupId: values.groupId ?? '' };
    return perform(values, () => api(event, 'pickGroup', params), 'You joined the group.');
  },
  groupSettings: async (event) => {
    const values = formValues(await event.request.formData());
    const cap = values.selfSelect === 'on' ? Number(values.cap) : null;
    const parsed = parseForm(groupSettings, { selfSelectCap: cap }, values);
    if (!parsed.ok) return parsed.failure;
    const params = { courseId: event.params.courseId };
    const message = cap ? `Students can pick a group of up to ${cap}.` : 'Only staff assign groups now.';
    return perform(values, () => api(event, 'setGroupSettings', params, parsed.data), message);
  },
};
