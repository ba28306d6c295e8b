/**
 * The body of a help-desk request as a regional office files it: a referral on
 * cooperatives in Senegal, titled `title`; `run` keeps the requester's address
 * apart from other runs'.
 */
export function referralRequest(run: string, title: string) {
  return {
    requester: {
      name: 'Amina Diallo',
      email: `amina.diallo.${run}@example.org`,
      origin: 'regional-office',
      organisation: 'Regional Office for Africa',
    },
    title,
    description: 'Which cooperatives in the region take part in the programme?',
    kind: 'referral',
    themes: ['cooperatives'],
    region: 'africa',
    country: 'SN',
    priority: 'normal',
  };
}
