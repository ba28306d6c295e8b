/**
 * The training demo's year (December 2025 to November 2026): the social-finance
 * unit's courses, their offerings across the regions, and the people who enrol.
 */
import type { ConstituentGroup, CourseDefinition, OfferingPlan } from '@sfp/contracts';

/** A course of the catalogue, and the offerings planned of it. */
export interface DemoCourse {
  course: CourseDefinition;
  offerings: DemoOffering[];
}

/** An offering as planned, the people it draws and what happens to it. */
export interface DemoOffering {
  plan: OfferingPlan;
  /** Where its participants come from (ISO 3166-1 alpha-2), besides staff. */
  countries: string[];
  /** How many enrol: past the capacity, the rest wait. */
  applicants: number;
  /** Staff members among the applicants (organisation staff, with a supervisor). */
  staff?: number;
  /** Seats added before it starts (promotes from the waitlist). */
  extraSeats?: number;
  /** Cancelled before it runs, with this reason. */
  cancelledBecause?: string;
}

const TRAINERS = {
  rossi: 'staff-mrossi',
  kamau: 'staff-bkamau',
  nguyen: 'staff-tnguyen',
  hassan: 'staff-ahassan',
  fernandez: 'staff-lfernandez',
  diop: 'staff-adiop',
} as const;

/** The staff who approve their team's enrolments in courses that need it. */
export const SUPERVISORS = ['staff-bkamau', 'staff-mrossi'] as const;

const ITC_TURIN = 'International Training Centre of the ILO, Viale Maestri del Lavoro 10, Turin';

function inPerson(venue: string): OfferingPlan['delivery'] {
  return { mode: 'in-person', venue };
}

function online(slug: string): OfferingPlan['delivery'] {
  return { mode: 'online', url: `https://learn.example.org/sfp/${slug}` };
}

function schedule(startsOn: string, endsOn: string, timeZone: string): OfferingPlan['schedule'] {
  return { startsOn, endsOn, timeZone };
}

export const DEMO_COURSES: DemoCourse[] = [
  {
    course: {
      code: 'SFP-BR-01',
      title: 'Social finance for decent work: a brief for colleagues',
      kind: 'brief',
      learningObjectives: [
        'Describe the social-finance unit’s mandate and its four lines of work',
        'Recognise when a project request needs the unit’s advice on a financial instrument',
      ],
      themes: ['poverty', 'informal-economy'],
      audiences: ['staff'],
      durationHours: 3,
      priorityArea: 'decent-work-in-finance',
      languages: ['en', 'fr'],
      owner: TRAINERS.rossi,
      supervisorApprovalRequired: true,
      completionRule: { minAttendancePercent: 100 },
    },
    offerings: [
      {
        plan: {
          schedule: schedule('2025-12-09', '2025-12-09', 'Europe/Zurich'),
          delivery: inPerson('ILO Headquarters, Route des Morillons 4, Geneva, room R3-South'),
          region: 'europe-central-asia',
          country: 'CH',
          language: 'en',
          capacity: 16,
          trainers: [TRAINERS.rossi],
          funding: { kind: 'sponsored', sponsor: 'ILO Regular Budget' },
        },
        countries: [],
        applicants: 15,
        staff: 15,
      },
      {
        plan: {
          schedule: schedule('2026-06-09', '2026-06-09', 'Europe/Zurich'),
          delivery: online('brief-2026-06'),
          region: 'europe-central-asia',
          country: 'CH',
          language: 'fr',
          capacity: 12,
          trainers: [TRAINERS.rossi, TRAINERS.diop],
          funding: { kind: 'sponsored', sponsor: 'ILO Regular Budget' },
        },
        countries: [],
        applicants: 14,
        staff: 14,
      },
    ],
  },
  {
    course: {
      code: 'SFP-RC-MF',
      title: 'Microfinance and decent work: making loans work for workers',
      kind: 'regional-course',
      learningObjectives: [
        'Explain how a microfinance institution’s products affect its clients’ working conditions',
        'Assess a lender’s social performance against decent-work criteria',
        'Design an action plan that ties a loan product to an improvement in job quality',
      ],
      themes: ['poverty', 'informal-economy', 'youth'],
      audiences: ['government', 'employers-organisation', 'workers-organisation'],
      durationHours: 30,
      priorityArea: 'financial-inclusion',
      languages: ['en', 'fr', 'es'],
      owner: TRAINERS.kamau,
      supervisorApprovalRequired: false,
      completionRule: { minAttendancePercent: 80, minPostTestScore: 70 },
    },
    offerings: [
      {
        plan: {
          schedule: schedule('2026-02-09', '2026-02-13', 'Africa/Dakar'),
          delivery: inPerson('ILO Decent Work Team for West Africa, Point E, Dakar'),
          region: 'africa',
          country: 'SN',
          language: 'fr',
          capacity: 20,
          trainers: [TRAINERS.diop, TRAINERS.kamau],
          funding: { kind: 'sponsored', sponsor: 'Agence Française de Développement' },
        },
        countries: ['SN', 'CI', 'ML', 'BF'],
        applicants: 24,
      },
      {
        plan: {
          schedule: schedule('2026-05-18', '2026-05-22', 'America/Lima'),
          delivery: inPerson('Oficina de la OIT para los Países Andinos, Las Flores 275, Lima'),
          region: 'americas',
          country: 'PE',
          language: 'es',
          capacity: 22,
          trainers: [TRAINERS.fernandez],
          funding: { kind: 'fee', amount: 650, currency: 'USD' },
        },
        countries: ['PE', 'BO', 'EC', 'CO'],
        applicants: 21,
      },
      {
        plan: {
          schedule: schedule('2026-09-14', '2026-09-18', 'Africa/Nairobi'),
          delivery: inPerson('KCB Leadership Centre, Karen, Nairobi'),
          region: 'africa',
          country: 'KE',
          language: 'en',
          capacity: 20,
          trainers: [TRAINERS.kamau, TRAINERS.rossi],
          funding: { kind: 'sponsored', sponsor: 'Mastercard Foundation' },
        },
        countries: ['KE', 'UG', 'TZ', 'GH'],
        applicants: 26,
        extraSeats: 2,
      },
    ],
  },
  {
    course: {
      code: 'SFP-TC-MI',
      title: 'Microinsurance for informal workers and their families',
      kind: 'turin-course',
      learningObjectives: [
        'Compare health, life and crop microinsurance products for informal workers',
        'Set up a partnership between an insurer, a workers’ organisation and a distribution channel',
        'Read the claims ratio and renewal rate of a scheme and say what they mean for its members',
      ],
      themes: ['microinsurance', 'social-protection', 'informal-economy'],
      audiences: ['government', 'workers-organisation', 'partner-institution'],
      durationHours: 35,
      priorityArea: 'microinsurance-and-social-protection',
      languages: ['en', 'fr'],
      owner: TRAINERS.hassan,
      supervisorApprovalRequired: false,
      completionRule: { minAttendancePercent: 80, minPostTestScore: 65 },
    },
    offerings: [
      {
        plan: {
          schedule: schedule('2026-03-16', '2026-03-20', 'Europe/Rome'),
          delivery: inPerson(ITC_TURIN),
          region: 'europe-central-asia',
          country: 'IT',
          language: 'en',
          capacity: 24,
          trainers: [TRAINERS.hassan, TRAINERS.nguyen],
          funding: { kind: 'fee', amount: 2850, currency: 'EUR' },
        },
        countries: ['KE', 'GH', 'IN', 'PH', 'KH', 'JO', 'PE'],
        applicants: 27,
      },
      {
        plan: {
          schedule: schedule('2026-10-12', '2026-10-16', 'Europe/Rome'),
          delivery: inPerson(ITC_TURIN),
          region: 'europe-central-asia',
          country: 'IT',
          language: 'fr',
          capacity: 24,
          trainers: [TRAINERS.hassan, TRAINERS.diop],
          funding: { kind: 'fee', amount: 2850, currency: 'EUR' },
        },
        countries: ['SN', 'CI', 'ML', 'BF', 'LB'],
        applicants: 20,
      },
    ],
  },
  {
    course: {
      code: 'SFP-EL-FE',
      title: 'Financial education for workers and their families',
      kind: 'e-learning',
      learningObjectives: [
        'Plan a household budget and a savings goal with a worker’s irregular income',
        'Train trainers to run the financial-education modules in a workers’ organisation',
      ],
      themes: ['poverty', 'gender', 'youth'],
      audiences: ['workers-organisation', 'employers-organisation', 'partner-institution'],
      durationHours: 20,
      priorityArea: 'financial-inclusion',
      languages: ['en', 'ar', 'es'],
      owner: TRAINERS.nguyen,
      supervisorApprovalRequired: false,
      completionRule: { minAttendancePercent: 66, minPostTestScore: 60 },
    },
    offerings: [
      {
        plan: {
          schedule: schedule('2026-04-06', '2026-04-24', 'Asia/Bangkok'),
          delivery: online('financial-education-2026-04'),
          region: 'asia-pacific',
          country: 'TH',
          language: 'en',
          capacity: 40,
          trainers: [TRAINERS.nguyen],
          funding: { kind: 'sponsored', sponsor: 'Government of Luxembourg' },
        },
        countries: ['TH', 'KH', 'VN', 'BD', 'NP', 'PH'],
        applicants: 38,
      },
      {
        plan: {
          schedule: schedule('2026-08-03', '2026-08-21', 'Asia/Beirut'),
          delivery: online('financial-education-2026-08-ar'),
          region: 'arab-states',
          country: 'LB',
          language: 'ar',
          capacity: 30,
          trainers: [TRAINERS.hassan],
          funding: { kind: 'sponsored', sponsor: 'Government of Luxembourg' },
        },
        countries: ['LB', 'JO', 'IQ'],
        applicants: 33,
      },
    ],
  },
  {
    course: {
      code: 'SFP-WS-SG',
      title: 'Savings groups for informal workers: from the group to the bank',
      kind: 'workshop',
      learningObjectives: [
        'Set up a savings group with its rules, records and annual share-out',
        'Link a mature savings group to a bank or a savings and credit cooperative',
      ],
      themes: ['informal-economy', 'cooperatives', 'gender'],
      audiences: ['workers-organisation', 'partner-institution', 'government'],
      durationHours: 14,
      priorityArea: 'informal-economy-transition',
      languages: ['en'],
      owner: TRAINERS.nguyen,
      supervisorApprovalRequired: false,
      completionRule: { minAttendancePercent: 100 },
    },
    offerings: [
      {
        plan: {
          schedule: schedule('2026-01-27', '2026-01-28', 'Asia/Bangkok'),
          delivery: inPerson(
            'ILO Regional Office for Asia and the Pacific, United Nations Building, Bangkok',
          ),
          region: 'asia-pacific',
          country: 'TH',
          language: 'en',
          capacity: 18,
          trainers: [TRAINERS.nguyen],
          funding: { kind: 'sponsored', sponsor: 'Swiss Agency for Development and Cooperation' },
        },
        countries: ['TH', 'KH', 'VN'],
        applicants: 18,
      },
      {
        plan: {
          schedule: schedule('2026-07-07', '2026-07-08', 'Asia/Kathmandu'),
          delivery: inPerson('ILO Country Office for Nepal, Dhobighat, Lalitpur'),
          region: 'asia-pacific',
          country: 'NP',
          language: 'en',
          capacity: 20,
          trainers: [TRAINERS.nguyen],
          funding: { kind: 'sponsored', sponsor: 'Swiss Agency for Development and Cooperation' },
        },
        countries: ['NP', 'BD'],
        applicants: 9,
        cancelledBecause:
          'Monsoon floods closed the roads into the Kathmandu valley in the week of the workshop; it will be planned again',
      },
    ],
  },
  {
    course: {
      code: 'SFP-RC-GF',
      title: 'Guarantee funds for small enterprises: design and governance',
      kind: 'regional-course',
      learningObjectives: [
        'Choose the coverage ratio, fees and eligibility of a partial credit guarantee',
        'Set up the governance and the claims process of a guarantee fund',
        'Monitor the additionality of guaranteed loans to small enterprises',
      ],
      themes: ['youth', 'poverty', 'crisis-response'],
      audiences: ['government', 'employers-organisation', 'partner-institution'],
      durationHours: 30,
      priorityArea: 'enterprise-and-job-creation',
      languages: ['en', 'ar'],
      owner: TRAINERS.hassan,
      supervisorApprovalRequired: false,
      completionRule: { minAttendancePercent: 80, minPostTestScore: 70 },
    },
    offerings: [
      {
        plan: {
          schedule: schedule('2026-03-02', '2026-03-06', 'Asia/Beirut'),
          delivery: inPerson('ILO Regional Office for Arab States, Aresco Centre, Beirut'),
          region: 'arab-states',
          country: 'LB',
          language: 'ar',
          capacity: 18,
          trainers: [TRAINERS.hassan],
          funding: { kind: 'sponsored', sponsor: 'European Union' },
        },
        countries: ['LB', 'JO', 'IQ'],
        applicants: 21,
      },
      {
        plan: {
          schedule: schedule('2026-11-02', '2026-11-06', 'Asia/Bangkok'),
          delivery: inPerson(
            'ILO Regional Office for Asia and the Pacific, United Nations Building, Bangkok',
          ),
          region: 'asia-pacific',
          country: 'TH',
          language: 'en',
          capacity: 20,
          trainers: [TRAINERS.nguyen, TRAINERS.hassan],
          funding: { kind: 'fee', amount: 900, currency: 'USD' },
        },
        countries: ['TH', 'VN', 'KH', 'PH', 'BD'],
        applicants: 19,
      },
    ],
  },
  {
    course: {
      code: 'SFP-WS-CL',
      title: 'Child labour and microcredit: screening and remedies for lenders',
      kind: 'workshop',
      learningObjectives: [
        'Screen loan applications for the risk of child labour in the household enterprise',
        'Agree on remedies with a client when a child is found working, without cutting the loan',
      ],
      themes: ['child-labour', 'poverty'],
      audiences: ['partner-institution', 'workers-organisation', 'government'],
      durationHours: 14,
      priorityArea: 'child-labour-elimination',
      languages: ['en', 'fr'],
      owner: TRAINERS.kamau,
      supervisorApprovalRequired: false,
      completionRule: { minAttendancePercent: 100, minPostTestScore: 60 },
    },
    offerings: [
      {
        plan: {
          schedule: schedule('2026-06-23', '2026-06-24', 'Africa/Accra'),
          delivery: inPerson('ILO Country Office for Ghana, Accra'),
          region: 'africa',
          country: 'GH',
          language: 'en',
          capacity: 20,
          trainers: [TRAINERS.kamau],
          funding: { kind: 'sponsored', sponsor: 'Government of the Netherlands' },
        },
        countries: ['GH', 'CI', 'KE'],
        applicants: 22,
      },
      {
        plan: {
          schedule: schedule('2026-10-27', '2026-10-28', 'Asia/Dhaka'),
          delivery: inPerson('ILO Country Office for Bangladesh, Gulshan, Dhaka'),
          region: 'asia-pacific',
          country: 'BD',
          language: 'en',
          capacity: 20,
          trainers: [TRAINERS.kamau, TRAINERS.nguyen],
          funding: { kind: 'sponsored', sponsor: 'Government of the Netherlands' },
        },
        countries: ['BD', 'NP', 'IN'],
        applicants: 20,
      },
    ],
  },
  {
    course: {
      code: 'SFP-TC-CR',
      title: 'Social finance after a crisis: recovery lending, revolving funds and cash transfers',
      kind: 'turin-course',
      learningObjectives: [
        'Choose between recovery loans, grants and cash transfers after a disaster or a conflict',
        'Set up an emergency credit line with local lenders without crowding them out',
      ],
      themes: ['crisis-response', 'green-finance', 'social-protection'],
      audiences: ['staff', 'government', 'partner-institution'],
      durationHours: 35,
      priorityArea: 'crisis-response-and-recovery',
      languages: ['en'],
      owner: TRAINERS.rossi,
      supervisorApprovalRequired: true,
      completionRule: { minAttendancePercent: 80, minPostTestScore: 70 },
    },
    offerings: [
      {
        plan: {
          schedule: schedule('2026-09-07', '2026-09-11', 'Europe/Rome'),
          delivery: inPerson(ITC_TURIN),
          region: 'europe-central-asia',
          country: 'IT',
          language: 'en',
          capacity: 22,
          trainers: [TRAINERS.rossi, TRAINERS.hassan],
          funding: { kind: 'fee', amount: 3100, currency: 'EUR' },
        },
        countries: ['UG', 'PH', 'IQ', 'LB', 'CO', 'UA'],
        applicants: 25,
        staff: 6,
      },
      {
        plan: {
          schedule: schedule('2026-11-16', '2026-11-20', 'Europe/Zurich'),
          delivery: online('crisis-finance-2026-11'),
          region: 'europe-central-asia',
          country: 'CH',
          language: 'en',
          capacity: 30,
          trainers: [TRAINERS.rossi],
          funding: { kind: 'sponsored', sponsor: 'ILO Regular Budget' },
        },
        countries: ['UA', 'MD', 'KG', 'TJ'],
        applicants: 24,
        staff: 8,
      },
    ],
  },
];

/** Name pools of the demo's participants. */
interface NamePool {
  female: string[];
  male: string[];
  family: string[];
}

const POOLS: Record<string, NamePool> = {
  westAfrica: {
    female: ['Aminata', 'Fatou', 'Mariama', 'Awa', 'Aïssatou', 'Clarisse', 'Ramatou'],
    male: ['Moussa', 'Ibrahima', 'Cheikh', 'Souleymane', 'Yacouba', 'Serge', 'Boubacar'],
    family: ['Diop', 'Ndiaye', 'Traoré', 'Ouédraogo', 'Koné', 'Sow', 'Kaboré', 'Coulibaly'],
  },
  eastAfrica: {
    female: ['Wanjiru', 'Akinyi', 'Grace', 'Neema', 'Esi', 'Abena', 'Nakato'],
    male: ['Otieno', 'Kwame', 'Joseph', 'Baraka', 'Kofi', 'Emmanuel', 'Musa'],
    family: ['Kamau', 'Odhiambo', 'Mensah', 'Mwangi', 'Okello', 'Asante', 'Njoroge', 'Mushi'],
  },
  andean: {
    female: ['María', 'Rosa', 'Lucía', 'Carmen', 'Juana', 'Valeria', 'Ximena'],
    male: ['José', 'Luis', 'Carlos', 'Jorge', 'Wilmer', 'Andrés', 'Fredy'],
    family: ['Quispe', 'Mamani', 'Huamán', 'Rojas', 'Flores', 'Condori', 'Vargas', 'Chávez'],
  },
  southeastAsia: {
    female: ['Siriporn', 'Hoa', 'Sokha', 'Maricel', 'Ratana', 'Lan', 'Jocelyn'],
    male: ['Somchai', 'Minh', 'Vuthy', 'Rodel', 'Anan', 'Duc', 'Ramon'],
    family: ['Srisuk', 'Pham', 'Chea', 'Santos', 'Wongsa', 'Le', 'Reyes', 'Sok'],
  },
  southAsia: {
    female: ['Sunita', 'Nasrin', 'Priya', 'Sabina', 'Rehana', 'Kamala', 'Anjali'],
    male: ['Ramesh', 'Rafiqul', 'Arjun', 'Bikash', 'Mahmud', 'Suresh', 'Anil'],
    family: ['Sharma', 'Rahman', 'Shrestha', 'Hossain', 'Gurung', 'Das', 'Patel', 'Thapa'],
  },
  arab: {
    female: ['Rania', 'Layla', 'Hiba', 'Nour', 'Samar', 'Zeina', 'Dalia'],
    male: ['Omar', 'Karim', 'Ahmad', 'Khaled', 'Ziad', 'Hassan', 'Rami'],
    family: ['Haddad', 'Khalil', 'Mansour', 'Nasser', 'Saleh', 'Aziz', 'Hamdan', 'Jaber'],
  },
  europe: {
    female: ['Olena', 'Elena', 'Aigerim', 'Marta', 'Nino', 'Gulnara', 'Irina'],
    male: ['Andriy', 'Ion', 'Azamat', 'Paolo', 'Giorgi', 'Farrukh', 'Dmitri'],
    family: ['Kovalenko', 'Rusu', 'Abdyldaev', 'Bianchi', 'Beridze', 'Rahimov', 'Moroz'],
  },
};

/** Where participants come from: a name pool and an organisation of each constituent group. */
export const DEMO_PLACES: Record<
  string,
  { pool: keyof typeof POOLS; organisations: Record<ConstituentGroup, string> }
> = {
  SN: {
    pool: 'westAfrica',
    organisations: {
      government: 'Ministère du Travail, du Dialogue social et des Relations avec les Institutions',
      'employers-organisation': 'Conseil National du Patronat du Sénégal',
      'workers-organisation': 'Confédération Nationale des Travailleurs du Sénégal',
      'partner-institution': 'Crédit Mutuel du Sénégal',
    },
  },
  CI: {
    pool: 'westAfrica',
    organisations: {
      government: 'Ministère de l’Emploi et de la Protection Sociale',
      'employers-organisation': 'Confédération Générale des Entreprises de Côte d’Ivoire',
      'workers-organisation': 'Union Générale des Travailleurs de Côte d’Ivoire',
      'partner-institution': 'Advans Côte d’Ivoire',
    },
  },
  ML: {
    pool: 'westAfrica',
    organisations: {
      government: 'Ministère de l’Entreprenariat National, de l’Emploi et de la Formation',
      'employers-organisation': 'Conseil National du Patronat du Mali',
      'workers-organisation': 'Union Nationale des Travailleurs du Mali',
      'partner-institution': 'Kafo Jiginew',
    },
  },
  BF: {
    pool: 'westAfrica',
    organisations: {
      government: 'Ministère de la Fonction Publique, du Travail et de la Protection Sociale',
      'employers-organisation': 'Conseil National du Patronat Burkinabè',
      'workers-organisation': 'Confédération Syndicale Burkinabè',
      'partner-institution': 'Réseau des Caisses Populaires du Burkina',
    },
  },
  KE: {
    pool: 'eastAfrica',
    organisations: {
      government: 'State Department for Labour and Skills Development',
      'employers-organisation': 'Federation of Kenya Employers',
      'workers-organisation': 'Central Organisation of Trade Unions (Kenya)',
      'partner-institution': 'Kenya Union of Savings and Credit Cooperatives',
    },
  },
  UG: {
    pool: 'eastAfrica',
    organisations: {
      government: 'Ministry of Gender, Labour and Social Development',
      'employers-organisation': 'Federation of Uganda Employers',
      'workers-organisation': 'National Organisation of Trade Unions (Uganda)',
      'partner-institution': 'Uganda Cooperative Savings and Credit Union',
    },
  },
  TZ: {
    pool: 'eastAfrica',
    organisations: {
      government: 'Prime Minister’s Office, Labour, Youth, Employment and Persons with Disability',
      'employers-organisation': 'Association of Tanzania Employers',
      'workers-organisation': 'Trade Union Congress of Tanzania',
      'partner-institution': 'Savings and Credit Cooperative Union League of Tanzania',
    },
  },
  GH: {
    pool: 'eastAfrica',
    organisations: {
      government: 'Ministry of Employment and Labour Relations',
      'employers-organisation': 'Ghana Employers’ Association',
      'workers-organisation': 'Ghana Trades Union Congress',
      'partner-institution': 'Ghana Cooperative Credit Unions Association',
    },
  },
  PE: {
    pool: 'andean',
    organisations: {
      government: 'Ministerio de Trabajo y Promoción del Empleo',
      'employers-organisation': 'Confederación Nacional de Instituciones Empresariales Privadas',
      'workers-organisation': 'Confederación General de Trabajadores del Perú',
      'partner-institution': 'Federación Peruana de Cajas Municipales de Ahorro y Crédito',
    },
  },
  BO: {
    pool: 'andean',
    organisations: {
      government: 'Ministerio de Trabajo, Empleo y Previsión Social',
      'employers-organisation': 'Confederación de Empresarios Privados de Bolivia',
      'workers-organisation': 'Central Obrera Boliviana',
      'partner-institution': 'Asociación de Entidades Financieras Especializadas en Microfinanzas',
    },
  },
  EC: {
    pool: 'andean',
    organisations: {
      government: 'Ministerio del Trabajo',
      'employers-organisation': 'Federación Nacional de Cámaras de Industrias del Ecuador',
      'workers-organisation': 'Confederación Ecuatoriana de Organizaciones Sindicales Libres',
      'partner-institution': 'Red de Instituciones Financieras de Desarrollo',
    },
  },
  CO: {
    pool: 'andean',
    organisations: {
      government: 'Ministerio del Trabajo',
      'employers-organisation': 'Asociación Nacional de Empresarios de Colombia',
      'workers-organisation': 'Confederación de Trabajadores de Colombia',
      'partner-institution': 'Asociación Colombiana de Instituciones Microfinancieras',
    },
  },
  TH: {
    pool: 'southeastAsia',
    organisations: {
      government: 'Ministry of Labour, Department of Skill Development',
      'employers-organisation': 'Employers’ Confederation of Thailand',
      'workers-organisation': 'Thai Labour Solidarity Committee',
      'partner-institution': 'Bank for Agriculture and Agricultural Cooperatives',
    },
  },
  KH: {
    pool: 'southeastAsia',
    organisations: {
      government: 'Ministry of Labour and Vocational Training',
      'employers-organisation': 'Cambodian Federation of Employers and Business Associations',
      'workers-organisation': 'Cambodian Labour Confederation',
      'partner-institution': 'Cambodia Microfinance Association',
    },
  },
  VN: {
    pool: 'southeastAsia',
    organisations: {
      government: 'Ministry of Home Affairs, Department of Employment',
      'employers-organisation': 'Viet Nam Chamber of Commerce and Industry',
      'workers-organisation': 'Viet Nam General Confederation of Labour',
      'partner-institution': 'Vietnam Bank for Social Policies',
    },
  },
  PH: {
    pool: 'southeastAsia',
    organisations: {
      government: 'Department of Labor and Employment',
      'employers-organisation': 'Employers Confederation of the Philippines',
      'workers-organisation': 'Trade Union Congress of the Philippines',
      'partner-institution': 'Microfinance Council of the Philippines',
    },
  },
  BD: {
    pool: 'southAsia',
    organisations: {
      government: 'Ministry of Labour and Employment',
      'employers-organisation': 'Bangladesh Employers’ Federation',
      'workers-organisation': 'National Coordination Committee for Workers’ Education',
      'partner-institution': 'Palli Karma-Sahayak Foundation',
    },
  },
  NP: {
    pool: 'southAsia',
    organisations: {
      government: 'Ministry of Labour, Employment and Social Security',
      'employers-organisation': 'Employers’ Council, Federation of Nepalese Chambers of Commerce',
      'workers-organisation': 'General Federation of Nepalese Trade Unions',
      'partner-institution': 'Nepal Federation of Savings and Credit Cooperative Unions',
    },
  },
  IN: {
    pool: 'southAsia',
    organisations: {
      government: 'Ministry of Labour and Employment',
      'employers-organisation': 'Employers’ Federation of India',
      'workers-organisation': 'Self-Employed Women’s Association',
      'partner-institution':
        'Sa-Dhan, the Association of Community Development Finance Institutions',
    },
  },
  LB: {
    pool: 'arab',
    organisations: {
      government: 'Ministry of Labour',
      'employers-organisation': 'Association of Lebanese Industrialists',
      'workers-organisation': 'General Confederation of Lebanese Workers',
      'partner-institution': 'Kafalat, the Lebanese loan guarantee company',
    },
  },
  JO: {
    pool: 'arab',
    organisations: {
      government: 'Ministry of Labour',
      'employers-organisation': 'Jordan Chamber of Industry',
      'workers-organisation': 'General Federation of Jordanian Trade Unions',
      'partner-institution': 'Jordan Loan Guarantee Corporation',
    },
  },
  IQ: {
    pool: 'arab',
    organisations: {
      government: 'Ministry of Labour and Social Affairs',
      'employers-organisation': 'Iraqi Federation of Industries',
      'workers-organisation': 'General Federation of Iraqi Workers',
      'partner-institution': 'Iraqi Company for Bank Guarantees',
    },
  },
  UA: {
    pool: 'europe',
    organisations: {
      government: 'Ministry of Economy, Environment and Agriculture, Labour Department',
      'employers-organisation': 'Federation of Employers of Ukraine',
      'workers-organisation': 'Federation of Trade Unions of Ukraine',
      'partner-institution': 'Ukrainian Microfinance Association',
    },
  },
  MD: {
    pool: 'europe',
    organisations: {
      government: 'Ministry of Labour and Social Protection',
      'employers-organisation': 'National Confederation of Employers of the Republic of Moldova',
      'workers-organisation': 'National Trade Union Confederation of Moldova',
      'partner-institution': 'Microinvest',
    },
  },
  KG: {
    pool: 'europe',
    organisations: {
      government: 'Ministry of Labour, Social Security and Migration',
      'employers-organisation': 'Confederation of Employers of Kyrgyzstan',
      'workers-organisation': 'Federation of Trade Unions of Kyrgyzstan',
      'partner-institution': 'Association of Microfinance Institutions of Kyrgyzstan',
    },
  },
  TJ: {
    pool: 'europe',
    organisations: {
      government: 'Ministry of Labour, Migration and Employment',
      'employers-organisation': 'Union of Employers of Tajikistan',
      'workers-organisation': 'Federation of Independent Trade Unions of Tajikistan',
      'partner-institution': 'Association of Microfinance Organisations of Tajikistan',
    },
  },
};

/** The offices the organisation's staff who enrol work in, with their country. */
export const STAFF_OFFICES: ReadonlyArray<{ office: string; country: string; pool: string }> = [
  { office: 'ILO Social Finance Unit, Geneva', country: 'CH', pool: 'europe' },
  { office: 'ILO Enterprises Department, Geneva', country: 'CH', pool: 'europe' },
  { office: 'ILO Regional Office for Africa, Abidjan', country: 'CI', pool: 'westAfrica' },
  { office: 'ILO Country Office for Kenya, Nairobi', country: 'KE', pool: 'eastAfrica' },
  { office: 'ILO Regional Office for Arab States, Beirut', country: 'LB', pool: 'arab' },
  {
    office: 'ILO Regional Office for Asia and the Pacific, Bangkok',
    country: 'TH',
    pool: 'southeastAsia',
  },
  { office: 'ILO Decent Work Team for the Andean Countries, Lima', country: 'PE', pool: 'andean' },
];

/** A person's name from a pool: a first name by sex, a family name. */
export function nameFrom(pool: string, sex: 'female' | 'male', random: () => number): string {
  const names = POOLS[pool] ?? POOLS['europe'];
  if (!names) throw new Error(`No name pool ${pool}`);
  const first = names[sex];
  const given = first[Math.floor(random() * first.length)] ?? first[0];
  const family = names.family[Math.floor(random() * names.family.length)] ?? names.family[0];
  return `${given} ${family}`;
}

/** Why some participants withdraw. */
export const WITHDRAWAL_REASONS = [
  'Called to a tripartite meeting on the minimum wage in the same week',
  'Visa not issued in time',
  'Family emergency',
  'The ministry could not release the participant for the full week',
];

/** What participants write in the questionnaire now and then. */
export const EVALUATION_COMMENTS = [
  'The field visit to the savings and credit cooperative was the most useful part',
  'More time for the case studies, please; the afternoon sessions were rushed',
  'I will use the product-appraisal checklist with our loan officers next month',
  'Good mix of ministries, unions and employers: we learnt from each other',
  'The interpretation in the plenary sessions was hard to follow',
  'Practical exercises on the claims ratio were excellent',
];

/** Two capacity-building programmes for constituents of a region, with their 2026 targets. */
export const DEMO_PROGRAMMES = [
  {
    launch: {
      title: 'Social finance for African constituents, 2026',
      scope: { kind: 'region', region: 'africa' },
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    },
    targets: [
      { indicator: 'people-trained', value: 60, dueOn: '2026-12-31' },
      { indicator: 'people-trained', value: 30, sex: 'female', dueOn: '2026-12-31' },
      {
        indicator: 'people-trained',
        value: 20,
        constituentGroup: 'workers-organisation',
        dueOn: '2026-12-31',
      },
      { indicator: 'completion-rate', value: 85, dueOn: '2026-12-31' },
      { indicator: 'knowledge-gain', value: 20, dueOn: '2026-12-31' },
    ],
  },
  {
    launch: {
      title: 'Inclusive finance policy in Asia and the Pacific, 2025–2026',
      scope: { kind: 'region', region: 'asia-pacific' },
      startsOn: '2025-12-01',
      endsOn: '2026-11-30',
    },
    targets: [
      { indicator: 'people-trained', value: 80, dueOn: '2026-11-30' },
      {
        indicator: 'people-trained',
        value: 25,
        constituentGroup: 'government',
        dueOn: '2026-11-30',
      },
      { indicator: 'completion-rate', value: 90, dueOn: '2026-11-30' },
      { indicator: 'knowledge-gain', value: 15, dueOn: '2026-11-30' },
    ],
  },
] as const;
