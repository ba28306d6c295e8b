import { useQuery } from '@tanstack/react-query';
import {
  DELIVERY_MODES,
  FUNDING_KINDS,
  REGIONS,
  TRAINING_LANGUAGES,
  type DeliveryMode,
  type FundingKind,
  type OfferingPlan,
  type Region,
  type TrainingLanguage,
} from '@sfp/contracts';
import { QueryState } from '../../components/feedback';
import { SelectField, TextField } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { listOf, numberOf } from '../../components/form-values';
import { label } from '../../components/format';
import { BackLink } from '../../routing/back-link';
import { href, useRouteSearch } from '../../routing/paths';
import { trainingCommands, trainingQueries } from './training.api';
import { languageName, regionName } from './training-labels';
import { useTrainingForm } from './use-training-form';

/** Plans an offering of a published course: where, when, for how many, by whom and who pays. */
export function NewOfferingPage() {
  const [search] = useRouteSearch('newOffering');
  const courses = useQuery(trainingQueries.publishedCourses());
  const form = useTrainingForm({
    initial: {
      courseId: search.get('course') ?? '',
      'plan.schedule.startsOn': '',
      'plan.schedule.endsOn': '',
      'plan.schedule.timeZone': 'Africa/Nairobi',
      'plan.delivery.mode': 'in-person' as DeliveryMode,
      'plan.delivery.venue': '',
      'plan.delivery.url': '',
      'plan.region': 'africa' as Region,
      'plan.country': '',
      'plan.language': 'en' as TrainingLanguage,
      'plan.capacity': '',
      'plan.trainers': '',
      'plan.funding.kind': 'sponsored' as FundingKind,
      'plan.funding.amount': '',
      'plan.funding.currency': 'USD',
      'plan.funding.sponsor': '',
    },
    fields: ['plan', 'plan.schedule', 'plan.delivery', 'plan.funding'],
    send: (v) => {
      const plan: OfferingPlan = {
        schedule: {
          startsOn: v['plan.schedule.startsOn'],
          endsOn: v['plan.schedule.endsOn'],
          timeZone: v['plan.schedule.timeZone'].trim(),
        },
        delivery:
          v['plan.delivery.mode'] === 'online'
            ? { mode: 'online', url: v['plan.delivery.url'].trim() }
            : { mode: 'in-person', venue: v['plan.delivery.venue'].trim() },
        region: v['plan.region'],
        country: v['plan.country'].trim().toUpperCase(),
        language: v['plan.language'],
        capacity: numberOf(v['plan.capacity']) as number,
        trainers: listOf(v['plan.trainers']),
        funding:
          v['plan.funding.kind'] === 'fee'
            ? {
                kind: 'fee',
                amount: numberOf(v['plan.funding.amount']) as number,
                currency: v['plan.funding.currency'].trim().toUpperCase(),
              }
            : { kind: 'sponsored', sponsor: v['plan.funding.sponsor'].trim() },
      };
      return trainingCommands.planOffering(v.courseId, plan);
    },
    opens: (planned) => href('trainingOffering', { offeringId: planned.offeringId }),
  });
  const { bind, values } = form;
  const published = courses.data?.items ?? [];
  const titles = Object.fromEntries(published.map((c) => [c.courseId, `${c.title} (${c.code})`]));
  return (
    <main id="main">
      <BackLink to={href('trainingOfferings')}>Offering calendar</BackLink>
      <h1>Plan an offering</h1>
      <QueryState query={courses} what="Loading the published courses" />
      <form className="panel" aria-label="Offering" onSubmit={form.onSubmit} noValidate>
        <SelectField
          label="Course"
          {...bind('courseId')}
          options={published.map((c) => c.courseId)}
          emptyLabel="Choose a published course"
          format={(id) => titles[id] ?? id}
          required
        />
        <div className="grid-3">
          <TextField label="First day" type="date" {...bind('plan.schedule.startsOn')} required />
          <TextField label="Last day" type="date" {...bind('plan.schedule.endsOn')} required />
          <TextField
            label="Time zone"
            {...bind('plan.schedule.timeZone')}
            required
            hint="Where it runs, e.g. Europe/Rome"
          />
        </div>
        <SelectField label="Delivery" {...bind('plan.delivery.mode')} options={DELIVERY_MODES} />
        {values['plan.delivery.mode'] === 'online' ? (
          <TextField label="Link" {...bind('plan.delivery.url')} required hint="https://…" />
        ) : (
          <TextField label="Venue" {...bind('plan.delivery.venue')} required />
        )}
        <div className="grid-3">
          <SelectField
            label="Region"
            {...bind('plan.region')}
            options={REGIONS}
            format={regionName}
          />
          <TextField label="Country" {...bind('plan.country')} required hint="ISO code, e.g. KE" />
          <SelectField
            label="Language"
            {...bind('plan.language')}
            options={TRAINING_LANGUAGES}
            format={languageName}
          />
        </div>
        <div className="grid-3">
          <TextField label="Seats" type="number" {...bind('plan.capacity')} required />
          <TextField
            label="Trainers"
            {...bind('plan.trainers')}
            required
            hint="User ids, separated by commas"
          />
          <SelectField
            label="Funding"
            {...bind('plan.funding.kind')}
            options={FUNDING_KINDS}
            format={(kind) => (kind === 'fee' ? 'Participants pay a fee' : label(kind))}
          />
        </div>
        {values['plan.funding.kind'] === 'fee' ? (
          <div className="grid-3">
            <TextField label="Fee" type="number" {...bind('plan.funding.amount')} required />
            <TextField
              label="Currency"
              {...bind('plan.funding.currency')}
              required
              hint="e.g. USD"
            />
          </div>
        ) : (
          <TextField label="Sponsor" {...bind('plan.funding.sponsor')} required />
        )}
        <FormFooter form={form} submit="Plan the offering" busyLabel="Planning…" />
      </form>
    </main>
  );
}
