import type { Region } from '../shared/domain/reference-data';

/** The demo's countries by region, with their currency and a rough 2023 rate (units per USD). */
export const DEMO_COUNTRIES: ReadonlyArray<{
  country: string;
  region: Region;
  currency: string;
  rate2023: number;
  city: string;
}> = [
  { country: 'KE', region: 'africa', currency: 'KES', rate2023: 140, city: 'Nairobi' },
  { country: 'UG', region: 'africa', currency: 'UGX', rate2023: 3_750, city: 'Kampala' },
  { country: 'TZ', region: 'africa', currency: 'TZS', rate2023: 2_400, city: 'Arusha' },
  { country: 'GH', region: 'africa', currency: 'GHS', rate2023: 11, city: 'Kumasi' },
  { country: 'SN', region: 'africa', currency: 'XOF', rate2023: 600, city: 'Thiès' },
  { country: 'NG', region: 'africa', currency: 'NGN', rate2023: 700, city: 'Ibadan' },
  { country: 'RW', region: 'africa', currency: 'RWF', rate2023: 1_200, city: 'Huye' },
  { country: 'ET', region: 'africa', currency: 'ETB', rate2023: 55, city: 'Hawassa' },
  { country: 'PE', region: 'americas', currency: 'PEN', rate2023: 3.7, city: 'Arequipa' },
  { country: 'BO', region: 'americas', currency: 'BOB', rate2023: 6.9, city: 'Cochabamba' },
  { country: 'CO', region: 'americas', currency: 'COP', rate2023: 4_300, city: 'Medellín' },
  { country: 'EC', region: 'americas', currency: 'USD', rate2023: 1, city: 'Cuenca' },
  { country: 'GT', region: 'americas', currency: 'GTQ', rate2023: 7.8, city: 'Quetzaltenango' },
  { country: 'HN', region: 'americas', currency: 'HNL', rate2023: 24.6, city: 'San Pedro Sula' },
  { country: 'JO', region: 'arab-states', currency: 'JOD', rate2023: 0.709, city: 'Irbid' },
  { country: 'LB', region: 'arab-states', currency: 'USD', rate2023: 1, city: 'Tripoli' },
  { country: 'PS', region: 'arab-states', currency: 'ILS', rate2023: 3.7, city: 'Nablus' },
  { country: 'IQ', region: 'arab-states', currency: 'IQD', rate2023: 1_310, city: 'Erbil' },
  { country: 'IN', region: 'asia-pacific', currency: 'INR', rate2023: 83, city: 'Pune' },
  { country: 'BD', region: 'asia-pacific', currency: 'BDT', rate2023: 110, city: 'Rajshahi' },
  { country: 'PK', region: 'asia-pacific', currency: 'PKR', rate2023: 280, city: 'Multan' },
  { country: 'NP', region: 'asia-pacific', currency: 'NPR', rate2023: 133, city: 'Pokhara' },
  { country: 'KH', region: 'asia-pacific', currency: 'KHR', rate2023: 4_100, city: 'Battambang' },
  { country: 'PH', region: 'asia-pacific', currency: 'PHP', rate2023: 56, city: 'Iloilo' },
  { country: 'ID', region: 'asia-pacific', currency: 'IDR', rate2023: 15_500, city: 'Yogyakarta' },
  { country: 'VN', region: 'asia-pacific', currency: 'VND', rate2023: 24_000, city: 'Huế' },
  { country: 'KG', region: 'europe-central-asia', currency: 'KGS', rate2023: 89, city: 'Osh' },
  {
    country: 'TJ',
    region: 'europe-central-asia',
    currency: 'TJS',
    rate2023: 10.9,
    city: 'Khujand',
  },
  { country: 'GE', region: 'europe-central-asia', currency: 'GEL', rate2023: 2.7, city: 'Kutaisi' },
  { country: 'AM', region: 'europe-central-asia', currency: 'AMD', rate2023: 400, city: 'Gyumri' },
];

/** The department or regional office that reports on a region's institutions. */
export const REPORTING_OFFICE: Record<Region, string> = {
  africa: 'ro-africa',
  americas: 'ro-americas',
  'arab-states': 'ro-arab-states',
  'asia-pacific': 'ro-asia-pacific',
  'europe-central-asia': 'ro-europe-central-asia',
};
