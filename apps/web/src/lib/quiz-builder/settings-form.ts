import {
  gradingMethod,
  releaseAnswers,
  type GradingMethod,
  type ReleaseAnswers,
  type StaffQuiz,
} from '@commonplace/contracts';
import { isoToLocalInput, localInputToIso } from '../dates';

/** The settings form's fields, as a FormData gives them (`readingIds` and the boxes may repeat or be absent). */
export interface SettingsForm {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
  has(name: string): boolean;
}

const text = (form: SettingsForm, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** An empty box is "none" (no limit, no date); anything else goes on for the schema to judge. */
function optionalNumber(value: string): number | null {
  return value.trim() === '' ? null : Number(value.trim());
}

/**
 * A `datetime-local` value read in the browser's zone on that date (`<name>Tz`, its offset from
 * UTC as the form sends it: summer and winter time differ); empty is no date, and a malformed
 * value is passed on as typed so the schema refuses it.
 */
function optionalDate(value: string, tz: number): string | null {
  if (value.trim() === '') return null;
  return localInputToIso(value, tz) ?? value;
}

/**
 * The settings form as the body of `createQuiz` or `updateQuiz`: every setting, so a save sends
 * the whole form (the PATCH leaves alone only what the form does not have, like `released`).
 */
export function settingsInput(form: SettingsForm) {
  const date = (name: string) => optionalDate(text(form, name), Number(text(form, `${name}Tz`) || 0));
  return {
    title: text(form, 'title'),
    description: text(form, 'description'),
    moduleId: text(form, 'moduleId') || null,
    opensAt: date('opensAt'),
    closesAt: date('closesAt'),
    timeLimitMinutes: optionalNumber(text(form, 'timeLimitMinutes')),
    attemptsAllowed: optionalNumber(text(form, 'attemptsAllowed')),
    gradingMethod: text(form, 'gradingMethod') as GradingMethod,
    shuffleQuestions: form.has('shuffleQuestions'),
    shuffleOptions: form.has('shuffleOptions'),
    releaseAnswers: text(form, 'releaseAnswers') as ReleaseAnswers,
    readingIds: form.getAll('readingIds').filter((id): id is string => typeof id === 'string' && id !== ''),
  };
}

/** What the form shows: a saved quiz's settings, or a new quiz's defaults. */
export interface SettingsShown {
  title: string;
  description: string;
  moduleId: string;
  opensAt: string;
  closesAt: string;
  timeLimitMinutes: string;
  attemptsAllowed: string;
  gradingMethod: GradingMethod;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  releaseAnswers: ReleaseAnswers;
  readingIds: string[];
}

export const NEW_QUIZ: SettingsShown = {
  title: '',
  description: '',
  moduleId: '',
  opensAt: '',
  closesAt: '',
  timeLimitMinutes: '',
  attemptsAllowed: '1',
  gradingMethod: 'highest',
  shuffleQuestions: false,
  shuffleOptions: false,
  releaseAnswers: 'after-submit',
  readingIds: [],
};

/**
 * A saved quiz in the form, each date in the zone `offsetAt(date)` minutes behind UTC (the
 * browser's on that date; the server, not knowing it, draws UTC until the browser redraws).
 */
export function shownSettings(quiz: StaffQuiz, offsetAt: (iso: string) => number): SettingsShown {
  const local = (iso: string | null) => (iso ? isoToLocalInput(iso, offsetAt(iso)) : '');
  return {
    title: quiz.title,
    description: quiz.description,
    moduleId: quiz.moduleId ?? '',
    opensAt: local(quiz.opensAt),
    closesAt: local(quiz.closesAt),
    timeLimitMinutes: quiz.timeLimitMinutes === null ? '' : String(quiz.timeLimitMinutes),
    attemptsAllowed: quiz.attemptsAllowed === null ? '' : String(quiz.attemptsAllowed),
    gradingMethod: quiz.gradingMethod,
    shuffleQuestions: quiz.shuffleQuestions,
    shuffleOptions: quiz.shuffleOptions,
    releaseAnswers: quiz.releaseAnswers,
    readingIds: quiz.readings.map((r) => r.id),
  };
}

/**
 * A refused form shown again as it was typed: the values the action sends back, where the
 * repeated `readingIds` travel joined by commas (see `formValuesOf`).
 */
export function typedSettings(values: Record<string, string>): SettingsShown {
  return {
    ...NEW_QUIZ,
    ...values,
    gradingMethod: (values.gradingMethod ?? NEW_QUIZ.gradingMethod) as GradingMethod,
    releaseAnswers: (values.releaseAnswers ?? NEW_QUIZ.releaseAnswers) as ReleaseAnswers,
    shuffleQuestions: values.shuffleQuestions !== undefined,
    shuffleOptions: values.shuffleOptions !== undefined,
    readingIds: (values.readingIds ?? '').split(',').filter(Boolean),
  };
}

/** The form's values to send back with a refusal: one string each, the readings joined. */
export function formValuesOf(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string') values[key] = value;
  values.readingIds = form.getAll('readingIds').join(',');
  return values;
}

export const GRADING_LABELS: Record<GradingMethod, string> = {
  highest: 'Highest attempt',
  last: 'Last attempt',
  first: 'First attempt',
  average: 'Average of attempts',
};

export const RELEASE_LABELS: Record<ReleaseAnswers, string> = {
  'after-submit': 'As soon as the student submits',
  'after-close': 'When the quiz closes',
  manual: 'When I release them',
};

/** The choices of the settings form's selects, in the contracts' order. */
export const GRADING_METHODS_LIST = gradingMethod.options;
export const RELEASE_LIST = releaseAnswers.options;
