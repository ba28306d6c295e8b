import * as contracts from './index';
import {
  INDICATOR_LABELS,
  INDICATOR_UNITS,
  INDICATORS,
  INSTITUTION_COMMAND_ALLOWED_FROM,
  INSTITUTION_COMMANDS,
  INSTITUTION_STATUS_CHANGE_ACTIONS,
  INSTITUTION_STATUS_CHANGES,
  INSTITUTION_STATUS_CHANGES_WITH_REASON,
  INSTITUTION_STATUSES,
  institutionStatusChangesAllowedIn,
  OPEN_REQUEST_STATUSES,
  PERFORMANCE_INPUT_LABELS,
  PERSON_ROLES,
  REQUEST_COMMAND_ACTIONS,
  REQUEST_COMMAND_ALLOWED_FROM,
  REQUEST_COMMANDS,
  REQUEST_STATUSES,
  requestCommandsAllowedIn,
  ROLES,
} from './index';

/** Every exported list: the upper-case arrays of the entry point. */
const lists: Array<[string, readonly string[]]> = Object.entries(
  contracts as Record<string, unknown>,
).flatMap(([name, value]) =>
  /^[A-Z0-9_]+$/.test(name) && Array.isArray(value)
    ? [[name, value as readonly string[]] as [string, readonly string[]]]
    : [],
);

describe('contracts', () => {
  it('exports its lists', () => {
    expect(lists.length).toBeGreaterThan(25);
  });

  it.each(lists)('%s is a non-empty list of distinct, non-empty strings', (_name, list) => {
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list).size).toBe(list.length);
    for (const value of list) {
      expect(typeof value).toBe('string');
      expect(value.trim()).not.toBe('');
    }
  });

  it('has a label and a unit for every indicator, and only those; person roles are roles', () => {
    expect(Object.keys(INDICATOR_LABELS).sort()).toEqual([...INDICATORS].sort());
    expect(Object.keys(INDICATOR_UNITS).sort()).toEqual([...INDICATORS].sort());
    for (const label of Object.values(PERFORMANCE_INPUT_LABELS)) expect(label).not.toBe('');
    expect(PERSON_ROLES.every((role) => (ROLES as readonly string[]).includes(role))).toBe(true);
  });

  describe('service request transitions', () => {
    it('name only known commands and statuses, each command allowed from somewhere', () => {
      expect(Object.keys(REQUEST_COMMAND_ALLOWED_FROM).sort()).toEqual(
        [...REQUEST_COMMANDS].sort(),
      );
      expect(Object.keys(REQUEST_COMMAND_ACTIONS).sort()).toEqual([...REQUEST_COMMANDS].sort());
      for (const statuses of Object.values(REQUEST_COMMAND_ALLOWED_FROM)) {
        expect(statuses.length).toBeGreaterThan(0);
        expect(new Set(statuses).size).toBe(statuses.length);
        for (const status of statuses) expect(REQUEST_STATUSES).toContain(status);
      }
      for (const status of OPEN_REQUEST_STATUSES) expect(REQUEST_STATUSES).toContain(status);
      expect(new Set(Object.values(REQUEST_COMMAND_ACTIONS)).size).toBe(REQUEST_COMMANDS.length);
    });

    it('offer the actions of each status, the step forward first; none once cancelled', () => {
      expect(requestCommandsAllowedIn('submitted')).toEqual([
        'TriageServiceRequest',
        'CancelServiceRequest',
        'CommentOnServiceRequest',
      ]);
      expect(requestCommandsAllowedIn('in-progress')).toEqual([
        'ResolveServiceRequest',
        'ReferServiceRequest',
        'AssignServiceRequest',
        'CancelServiceRequest',
        'CommentOnServiceRequest',
      ]);
      expect(requestCommandsAllowedIn('closed')).toEqual(['ReopenServiceRequest']);
      expect(requestCommandsAllowedIn('cancelled')).toEqual([]);
    });
  });

  describe('institution transitions', () => {
    it('name only known commands and statuses', () => {
      expect(Object.keys(INSTITUTION_COMMAND_ALLOWED_FROM).sort()).toEqual(
        [...INSTITUTION_COMMANDS].sort(),
      );
      for (const statuses of Object.values(INSTITUTION_COMMAND_ALLOWED_FROM)) {
        expect(statuses.length).toBeGreaterThan(0);
        for (const status of statuses) expect(INSTITUTION_STATUSES).toContain(status);
      }
      for (const change of INSTITUTION_STATUS_CHANGES)
        expect(INSTITUTION_COMMANDS).toContain(change);
      for (const change of INSTITUTION_STATUS_CHANGES_WITH_REASON)
        expect(INSTITUTION_STATUS_CHANGES).toContain(change);
      expect(Object.keys(INSTITUTION_STATUS_CHANGE_ACTIONS).sort()).toEqual(
        [...INSTITUTION_STATUS_CHANGES].sort(),
      );
    });

    it('offer the status changes of each status; none once closed', () => {
      expect(institutionStatusChangesAllowedIn('registered')).toEqual([
        'ActivateInstitution',
        'CloseInstitution',
      ]);
      expect(institutionStatusChangesAllowedIn('active')).toEqual([
        'SuspendInstitution',
        'CloseInstitution',
      ]);
      expect(institutionStatusChangesAllowedIn('suspended')).toEqual([
        'ReinstateInstitution',
        'CloseInstitution',
      ]);
      expect(institutionStatusChangesAllowedIn('closed')).toEqual([]);
    });
  });
});
