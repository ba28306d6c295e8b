// A course's definition as a form: every field of @sfp/contracts'
// CourseDefinition, named as the API names them (`course.title`), so the
// API's field messages show beside their fields. Creating and revising a
// course both send all of it.
import {
  COURSE_KINDS,
  PRIORITY_AREAS,
  THEMES,
  TRAINING_AUDIENCES,
  TRAINING_LANGUAGES,
  type CourseDefinition,
  type CourseKind,
  type PriorityArea,
  type Theme,
  type TrainingAudience,
  type TrainingLanguage,
} from '@sfp/contracts';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '../../components/fields';
import { numberOf } from '../../components/form-values';
import type { CommandForm } from '../../components/use-command-form';
import {
  AUDIENCE_LABELS,
  COURSE_KIND_LABELS,
  languageName,
  PRIORITY_AREA_LABELS,
} from './training-labels';

export interface CourseValues {
  'course.code': string;
  'course.title': string;
  'course.kind': CourseKind;
  'course.learningObjectives': string;
  'course.themes': Theme[];
  'course.audiences': TrainingAudience[];
  'course.durationHours': string;
  'course.priorityArea': PriorityArea;
  'course.languages': TrainingLanguage[];
  'course.owner': string;
  'course.supervisorApprovalRequired': boolean;
  'course.completionRule.minAttendancePercent': string;
  'course.completionRule.minPostTestScore': string;
  /** Why a course is revised or retired (a new course has none). */
  reason: string;
}

/** The fields a refusal may name besides the form's keys (a list's items). */
export const COURSE_EXTRA_FIELDS = ['course', 'course.completionRule'];

/** The form's values for a new course, or for a revision of `course`. */
export function courseValuesOf(course?: CourseDefinition, owner = ''): CourseValues {
  return {
    'course.code': course?.code ?? '',
    'course.title': course?.title ?? '',
    'course.kind': course?.kind ?? 'regional-course',
    'course.learningObjectives': course?.learningObjectives.join('\n') ?? '',
    'course.themes': course?.themes ?? [],
    'course.audiences': course?.audiences ?? [],
    'course.durationHours': course ? String(course.durationHours) : '',
    'course.priorityArea': course?.priorityArea ?? 'financial-inclusion',
    'course.languages': course?.languages ?? ['en'],
    'course.owner': course?.owner ?? owner,
    'course.supervisorApprovalRequired': course?.supervisorApprovalRequired ?? false,
    'course.completionRule.minAttendancePercent': course
      ? String(course.completionRule.minAttendancePercent)
      : '80',
    'course.completionRule.minPostTestScore':
      course?.completionRule.minPostTestScore === undefined
        ? ''
        : String(course.completionRule.minPostTestScore),
    reason: '',
  };
}

/** The definition the API is sent (it says what is wrong with it). */
export function courseDefinitionOf(v: CourseValues): CourseDefinition {
  const minPostTestScore = numberOf(v['course.completionRule.minPostTestScore']);
  return {
    code: v['course.code'].trim(),
    title: v['course.title'].trim(),
    kind: v['course.kind'],
    learningObjectives: v['course.learningObjectives']
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    themes: v['course.themes'],
    audiences: v['course.audiences'],
    durationHours: numberOf(v['course.durationHours']) as number,
    priorityArea: v['course.priorityArea'],
    languages: v['course.languages'],
    owner: v['course.owner'].trim(),
    supervisorApprovalRequired: v['course.supervisorApprovalRequired'],
    completionRule: {
      minAttendancePercent: numberOf(v['course.completionRule.minAttendancePercent']) as number,
      ...(minPostTestScore === undefined ? {} : { minPostTestScore }),
    },
  };
}

const languageLabels = Object.fromEntries(
  TRAINING_LANGUAGES.map((code) => [code, languageName(code)]),
) as Record<TrainingLanguage, string>;

/** The fields of a course's definition. */
export function CourseFields({ form }: { form: CommandForm<CourseValues> }) {
  const { bind } = form;
  return (
    <>
      <div className="grid-3">
        <TextField label="Code" {...bind('course.code')} required hint="e.g. SFP-MF-101" />
        <SelectField
          label="Kind"
          {...bind('course.kind')}
          options={COURSE_KINDS}
          format={(kind) => COURSE_KIND_LABELS[kind]}
        />
        <TextField
          label="Duration (hours)"
          type="number"
          {...bind('course.durationHours')}
          required
        />
      </div>
      <TextField label="Title" {...bind('course.title')} required />
      <TextField
        label="Learning objectives"
        {...bind('course.learningObjectives')}
        multiline
        required
        hint="One per line."
      />
      <SelectField
        label="Priority area"
        {...bind('course.priorityArea')}
        options={PRIORITY_AREAS}
        format={(area) => PRIORITY_AREA_LABELS[area]}
      />
      <CheckboxGroup
        legend="Audiences"
        {...bind('course.audiences')}
        options={TRAINING_AUDIENCES}
        format={(audience) => AUDIENCE_LABELS[audience]}
      />
      <CheckboxGroup legend="Themes" {...bind('course.themes')} options={THEMES} />
      <CheckboxGroup
        legend="Languages"
        {...bind('course.languages')}
        options={TRAINING_LANGUAGES}
        format={(language) => languageLabels[language]}
      />
      <div className="grid-3">
        <TextField label="Owner" {...bind('course.owner')} required hint="The user who owns it" />
        <TextField
          label="Minimum attendance (%)"
          type="number"
          {...bind('course.completionRule.minAttendancePercent')}
          required
        />
        <TextField
          label="Minimum post-test score (%)"
          type="number"
          {...bind('course.completionRule.minPostTestScore')}
          required={false}
          hint="Empty: no test required"
        />
      </div>
      <CheckboxField
        checked={form.values['course.supervisorApprovalRequired']}
        onChange={(checked) => form.set('course.supervisorApprovalRequired', checked)}
      >
        Staff enrolments wait for their supervisor’s approval
      </CheckboxField>
    </>
  );
}
