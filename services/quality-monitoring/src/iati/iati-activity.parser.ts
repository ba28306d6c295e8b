import { IATI_VERSION, type ParticipatingOrganisation } from '@sfp/contracts';
import { IATI_ACTIVITIES } from './iati.codes';
import { ACTIVITY_PATH, IatiFileError } from './iati-file.error';
import type { IatiImport, ImportedProposal } from './iati-import';
import { readBudget, readCountries, readSchedule, readSectors } from './iati-activity.read-parts';
import { readLogframe } from './iati-results.read';
import {
  attributeOf,
  childOf,
  childrenOf,
  narrativeOf,
  readXml,
  type XmlElement,
} from './iati-xml';
import { namespacesOf, readSfpExtension, type SfpExtension } from './sfp-extension';

/**
 * An IATI 2.03 activity file (one `iati-activity` in `iati-activities
 * version="2.03"`) as a proposal: what IATI carries (identifier, title,
 * description, participating organisations, recipient countries, budget,
 * duration and planned start, DAC sectors, results as the logical framework,
 * currency) and, from the platform's own export, what its extension carries;
 * what neither gives is listed in `missing`. Refuses (IatiFileError) a file
 * that is not XML, not version 2.03, not one activity, or without the
 * identifier or a title.
 */
export function parseIatiActivity(xml: string): IatiImport {
  const document = readXml(xml);
  const activity = theActivity(document);
  const root = childOf(document, IATI_ACTIVITIES) as XmlElement;
  const lang = attributeOf(activity, 'xml:lang') ?? 'en';
  const warnings: string[] = [];
  const missing: string[] = [];
  const identifier = textOfChild(activity, 'iati-identifier');
  const title = narrativeOf(childOf(activity, 'title'), lang);
  const absent = [
    ...(identifier ? [] : [`${ACTIVITY_PATH}/iati-identifier`]),
    ...(title ? [] : [`${ACTIVITY_PATH}/title/narrative`]),
  ];
  if (absent.length) {
    throw new IatiFileError(
      'IATI_ACTIVITY_INVALID',
      `The activity has no ${absent.map((a) => a.slice(ACTIVITY_PATH.length + 1)).join(' and no ')}: IATI requires it`,
      absent.map((field) => ({ field, message: 'is required by IATI 2.03' })),
    );
  }

  const proposal: ImportedProposal = { iatiIdentifier: identifier, title };
  const description = descriptionOf(activity, lang);
  if (description) proposal.description = description;
  else missing.push('description');

  const organisations = participatingOrganisations(activity, lang, warnings);
  if (organisations.length) proposal.participatingOrganisations = organisations;
  else missing.push('participatingOrganisations');

  const countries = readCountries(activity, warnings);
  if (countries.length) proposal.countries = countries;
  else missing.push('countries');

  const sectors = readSectors(activity, warnings);
  if (sectors.length) proposal.sectors = sectors;
  else missing.push('sectors');

  const budget = readBudget(activity, warnings);
  if (budget.currency) proposal.currency = budget.currency;
  else missing.push('currency');
  if (budget.amount !== undefined) proposal.budget = budget.amount;
  else missing.push('budget');

  const schedule = readSchedule(activity, budget.periods, warnings);
  if (schedule.plannedStart) proposal.plannedStart = schedule.plannedStart;
  else missing.push('plannedStart');
  if (schedule.durationMonths !== undefined) proposal.durationMonths = schedule.durationMonths;
  else missing.push('durationMonths');

  const extension = readSfpExtension(activity, namespacesOf(root, activity), warnings);
  const logframe = readLogframe(activity, lang, extension?.indicatorUnits, missing, warnings);
  if (logframe.length) proposal.logframe = logframe;
  else missing.push('logframe');

  fromExtension(proposal, extension, missing);
  return { proposal, missing, warnings };
}

/** The one activity of a 2.03 file, else the refusal naming the element at fault. */
function theActivity(document: XmlElement): XmlElement {
  const root = childOf(document, IATI_ACTIVITIES);
  if (!root) {
    const found = Object.keys(document).find((k) => !k.startsWith('@') && k !== '#text');
    throw new IatiFileError(
      'IATI_ACTIVITY_INVALID',
      `The file's root element is ${found ? `<${found}>` : 'missing'}: an IATI activity file has <iati-activities>`,
      [{ field: IATI_ACTIVITIES, message: 'is the root element an IATI activity file must have' }],
    );
  }
  const version = attributeOf(root, 'version');
  if (version !== IATI_VERSION) {
    const message = version
      ? `is ${JSON.stringify(version)}: only IATI ${IATI_VERSION} files are imported`
      : `is missing: only IATI ${IATI_VERSION} files are imported`;
    throw new IatiFileError(
      'IATI_VERSION_UNSUPPORTED',
      `iati-activities/@version ${message}`,
      [{ field: `${IATI_ACTIVITIES}/@version`, message }],
      { version: version ?? null, supported: IATI_VERSION },
    );
  }
  const activities = childrenOf(root, 'iati-activity');
  if (activities.length !== 1) {
    const message = activities.length
      ? `holds ${activities.length} activities: import one activity per file`
      : 'is missing: the file holds no activity';
    throw new IatiFileError('IATI_ACTIVITY_INVALID', `${ACTIVITY_PATH} ${message}`, [
      { field: ACTIVITY_PATH, message },
    ]);
  }
  return activities[0] as XmlElement;
}

function textOfChild(element: XmlElement, name: string): string | undefined {
  const child = childOf(element, name);
  const text = typeof child?.['#text'] === 'string' ? child['#text'].trim() : '';
  return text === '' ? undefined : text;
}

/** The general description (type 1, or untyped), else the first with text. */
function descriptionOf(activity: XmlElement, lang: string): string | undefined {
  const descriptions = childrenOf(activity, 'description');
  const general = descriptions.filter((d) => (attributeOf(d, 'type') ?? '1') === '1');
  for (const description of [...general, ...descriptions]) {
    const text = narrativeOf(description, lang);
    if (text) return text;
  }
  return undefined;
}

function participatingOrganisations(
  activity: XmlElement,
  lang: string,
  warnings: string[],
): ParticipatingOrganisation[] {
  const organisations: ParticipatingOrganisation[] = [];
  childrenOf(activity, 'participating-org').forEach((org, index) => {
    const role = Number(attributeOf(org, 'role'));
    const ref = attributeOf(org, 'ref');
    const name = narrativeOf(org, lang) ?? ref;
    if (role !== 1 && role !== 2 && role !== 3 && role !== 4) {
      warnings.push(
        `participating-org ${index + 1}${name ? ` (${name})` : ''} has role ${JSON.stringify(attributeOf(org, 'role') ?? '')}, not one of OrganisationRole 1–4: left out`,
      );
      return;
    }
    if (!name) {
      warnings.push(`participating-org ${index + 1} has neither a name nor a ref: left out`);
      return;
    }
    organisations.push({ name, role, ...(ref ? { ref } : {}) });
  });
  return organisations;
}

/** The fields only the platform's extension carries: from it, or listed as missing. */
function fromExtension(
  proposal: ImportedProposal,
  extension: SfpExtension | undefined,
  missing: string[],
): void {
  const take = <K extends keyof SfpExtension & keyof ImportedProposal>(key: K): void => {
    const value = extension?.[key];
    if (value !== undefined) (proposal as Record<string, unknown>)[key] = value;
    else missing.push(key);
  };
  take('department');
  take('themes');
  take('financialComponent');
  take('partnerInstitutionIds');
  take('exitStrategy');
  take('constituents');
  take('genderOutcomes');
  take('decentWorkOutcomes');
  if (extension?.budgetUsd !== undefined) proposal.budgetUsd = extension.budgetUsd;
  else if (proposal.currency === 'USD' && proposal.budget !== undefined) {
    proposal.budgetUsd = proposal.budget;
  } else missing.push('budgetUsd');
}
