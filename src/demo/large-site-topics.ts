/**
 * The long tail of the large site: small organizations, each named in a few percent of the
 * articles, as most topics of a real site are. The demo's own topics are each filed on an
 * eighth of the large site (a story line's share) and named everywhere in it; without these
 * the benchmark had no topic alias in at most 5% of the articles to time. Only the large
 * site has them: the demo's 43 articles never name them.
 */
import type { DemoTopic } from './demo-types.js';
import type { Random } from './random.js';
import { escapeHtml } from './text-fill.js';

export interface LongTailTopic extends DemoTopic {
  /** the share of the large site's articles that name it and are filed under it */
  share: number;
  /** how its articles write it: [name, the same with the acronym after it, the acronym alone, another name] */
  spellings: readonly string[];
}

export const LONG_TAIL_TOPICS: readonly LongTailTopic[] = [
  {
    slug: 'herrevan-mountain-guard', name: 'Herrevan Mountain Guard', parentSlug: 'armed-groups', kind: 'organization',
    description: 'A volunteer militia of shepherds and former border police that patrols the high passes above Lorn.',
    aliases: ['HMG', 'Mountain Guard'], share: 0.004,
    spellings: ['the Herrevan Mountain Guard', 'the Herrevan Mountain Guard (HMG)', 'the HMG', 'the Mountain Guard'],
  },
  {
    slug: 'calvane-fisheries-authority', name: 'Calvane Fisheries Authority', parentSlug: 'international-bodies', kind: 'organization',
    description: 'The five states’ body that sets catch quotas for the Calvane Sea and inspects the trawler fleets.',
    aliases: ['CFA', 'C.F.A.', 'Fisheries Authority'], share: 0.01,
    spellings: ['the Calvane Fisheries Authority', 'the Calvane Fisheries Authority (C.F.A.)', 'the CFA', 'the Fisheries Authority'],
  },
  {
    slug: 'orcal-shipping', name: 'Orsenia–Calvane Shipping Line', parentSlug: 'companies', kind: 'organization',
    description: 'A Belcastro-owned container line whose feeder ships call at Sabriq, Ilvara and the southern ports.',
    aliases: ['OCSL', 'Orcal'], share: 0.02,
    spellings: ['the Orsenia–Calvane Shipping Line', 'the Orsenia–Calvane Shipping Line (OCSL)', 'OCSL', 'Orcal'],
  },
  {
    slug: 'lorn-legal-aid-network', name: 'Lorn Legal Aid Network', parentSlug: 'aid-and-rights-groups', kind: 'organization',
    description: 'Volunteer lawyers in Herrevan’s capital who represent people detained on the mountain routes.',
    aliases: ['LLAN', 'Legal Aid Network'], share: 0.035,
    spellings: ['the Lorn Legal Aid Network', 'the Lorn Legal Aid Network (LLAN)', 'LLAN', 'the Legal Aid Network'],
  },
];

const MENTIONS: readonly ((who: string) => string)[] = [
  (who) => `A spokesperson for ${who} said it would study the figures before commenting on them.`,
  (who) => `According to ${who}, the numbers for the last quarter were incomplete and would be revised.`,
  (who) => `${capitalized(who)} has been drawn into the dispute as well, if only at its edges.`,
  (who) => `Officials at ${who} declined to say when they had first been told.`,
  (who) => `${capitalized(who)} published its own count a week later, and it was lower.`,
];

/** A paragraph naming the topic one of the ways its articles write it. */
export function mentionParagraph(topic: LongTailTopic, rng: Random): string {
  return `<p>${escapeHtml(rng.pick(MENTIONS)(rng.pick(topic.spellings)))}</p>`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
