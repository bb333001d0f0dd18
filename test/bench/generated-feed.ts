/**
 * Feeds of any size for benchmarks and tests of long plans: every field a real plan fills in,
 * deterministic, so that runs compare.
 */

const CATEGORIES = ['not-started', 'limited', 'substantial', 'complete', 'withdrawn', 'unknown'];
const THEMES = ['Open Data', 'Participation', 'Transparence', 'Climat', 'Numérique', 'Santé'];
const LEADS = [
  'Direction du numérique',
  'Secrétariat général',
  'Service mobilités',
  'Cabinet du maire',
];

/** A feed of `n` commitments with the fields a real plan fills in, deterministic. */
export function generatedFeed(n: number): unknown {
  const commitments = Array.from({ length: n }, (_, i) => {
    const month = String((i % 12) + 1).padStart(2, '0');
    const year = 2025 + (i % 4);
    return {
      id: `C-${i}`,
      title: {
        fr: `Engagement n° ${i} : ouvrir les données de la politique ${THEMES[i % THEMES.length]}`,
      },
      summary: {
        fr: `Résumé de l’engagement ${i}, avec des accents : égalité, intérêt général, élus.`,
      },
      themes: [THEMES[i % THEMES.length], THEMES[(i + 2) % THEMES.length]],
      lead: { fr: LEADS[i % LEADS.length] },
      status: CATEGORIES[i % CATEGORIES.length],
      progress: (i * 7) % 101,
      start: '2025-01-01',
      due: `${year}-${month}-15`,
      url: `https://www.exemple.fr/engagements/${i}`,
      milestones: [
        { title: { fr: 'Étude' }, due: '2025-06-30', done: '2025-06-20' },
        { title: { fr: 'Réalisation' }, due: `${year}-${month}-01` },
      ],
      updates: [
        {
          date: '2026-01-15',
          note: { fr: `Point d’étape ${i}.` },
          evidence: ['https://www.exemple.fr/preuve'],
        },
      ],
      interpellations:
        i % 10 === 0
          ? [
              {
                id: `Q-${i}`,
                date: '2026-09-01',
                question: { fr: 'Où en est-on ?' },
                supporters: i % 80,
                status: 'open',
              },
            ]
          : [],
    };
  });
  return {
    format: 'open-commitments/1',
    publisher: {
      name: { fr: 'Ville d’Exemple' },
      kind: 'municipality',
      url: 'https://www.exemple.fr/',
    },
    plan: { id: 'BENCH', title: { fr: 'Plan de test de charge' } },
    updated: '2026-12-01T09:00:00Z',
    languages: ['fr'],
    interpellation: {
      url: 'https://www.exemple.fr/interpeller?engagement={id}',
      responseDays: 30,
      threshold: 50,
    },
    commitments,
  };
}
