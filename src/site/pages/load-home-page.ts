import type { Database } from '../../db/database.js';
import { listChildTopics, topicLink } from '../../taxonomy/index.js';
import { findLeadStory, listFromListing, listLatestPublished } from './article-reads.queries.js';
import { toSummaries } from './article-summaries.js';
import type { HomePage } from './reader-pages.js';

const LATEST = 9;
const PER_SECTION = 4;
// Sections skip what the page already shows, so each reads a little deeper into its list.
const SECTION_CANDIDATES = PER_SECTION + LATEST + 1 + 4 * PER_SECTION;

/** The lead story (latest featured), the latest articles, and a section per top-level topic. */
export async function loadHomePage(db: Database): Promise<HomePage> {
  const lead = await findLeadStory(db);
  const [latestRows, topTopics] = await Promise.all([
    listLatestPublished(db, { limit: LATEST, offset: 0 }, lead ? [lead.id] : []),
    listChildTopics(db, null),
  ]);
  const candidates = await Promise.all(topTopics.map((t) => listFromListing(db, 'topic', t.id, { limit: SECTION_CANDIDATES, offset: 0 })));
  // Every article appears once on the page: the lead, then the latest, then each section in order.
  const shown = new Set([...(lead ? [lead.id] : []), ...latestRows.map((r) => r.id)]);
  const sectionRows = candidates.map((rows) => {
    const picked = rows.filter((r) => !shown.has(r.id)).slice(0, PER_SECTION);
    for (const r of picked) shown.add(r.id);
    return picked;
  });
  // One hydration for every card on the page: three lookups, not three per section.
  const summaries = await toSummaries(db, [...(lead ? [lead] : []), ...latestRows, ...sectionRows.flat()]);
  const byId = new Map(summaries.map((s) => [s.id, s]));
  return {
    lead: lead ? byId.get(lead.id)! : null,
    latest: latestRows.map((r) => byId.get(r.id)!),
    sections: topTopics
      .map((topic, i) => ({
        topic: { ...topicLink(topic), description: topic.description },
        articles: sectionRows[i]!.map((r) => byId.get(r.id)!),
      }))
      .filter((s) => s.articles.length > 0),
  };
}
