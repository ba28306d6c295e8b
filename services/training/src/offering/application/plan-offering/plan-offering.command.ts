import type { OfferingPlan } from '@sfp/contracts';
import type { OfferingPlanDto } from './plan-offering.request.dto';

/** The domain's plan of a validated body (the DTO's rules guarantee each mode's and kind's fields). */
export function offeringPlanOf(dto: OfferingPlanDto): OfferingPlan {
  const { delivery, funding } = dto;
  return {
    schedule: {
      startsOn: dto.schedule.startsOn,
      endsOn: dto.schedule.endsOn,
      timeZone: dto.schedule.timeZone,
    },
    delivery:
      delivery.mode === 'in-person'
        ? { mode: 'in-person', venue: delivery.venue ?? '' }
        : { mode: 'online', url: delivery.url ?? '' },
    region: dto.region,
    country: dto.country,
    language: dto.language,
    capacity: dto.capacity,
    trainers: dto.trainers,
    funding:
      funding.kind === 'fee'
        ? { kind: 'fee', amount: funding.amount ?? 0, currency: funding.currency ?? '' }
        : { kind: 'sponsored', sponsor: funding.sponsor ?? '' },
  };
}
