import { type Actor, createUser } from '../src/accounts/index.js';
import { type ArticleFields, emptyArticleFields } from '../src/content/index.js';
import type { Database } from '../src/db/database.js';
import type { Clock } from '../src/shared/clock.js';
import type { DomainEvent } from '../src/shared/domain-events.js';
import { EventBus, type EventSink } from '../src/shared/events.js';
import type { Newsroom } from './factories.js';

/** One account per role (plus a second author), as actors of the staff use cases. */
export async function createStaff(db: Database, clock: Clock, events: EventSink<DomainEvent> = new EventBus<DomainEvent>()) {
  const deps = { db, clock, events };
  const make = async (role: Actor['role'], name: string) => {
    const user = await createUser(deps, { email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`, name, role, password: 'correct horse battery' });
    return { id: user.id, role: user.role, name: user.name };
  };
  return {
    admin: await make('administrator', 'Ada Admin'),
    editor: await make('editor', 'Eve Editor'),
    author: await make('author', 'Abel Author'),
    otherAuthor: await make('author', 'Omar Other'),
    contributor: await make('contributor', 'Cleo Contributor'),
  };
}
export type Staff = Awaited<ReturnType<typeof createStaff>>;

/** The article form's fields for a small valid article in the newsroom. */
export function articleFields(n: Newsroom, overrides: Partial<ArticleFields> = {}): ArticleFields {
  return {
    ...emptyArticleFields(),
    title: 'Ferry timetable changes for the winter',
    dek: 'Fewer crossings from December.',
    body: '<p>The ferry company publishes its winter timetable.</p><h2>What changes</h2><p>Two evening crossings go.</p>',
    primaryTopicId: n.economy.id,
    tags: 'Ports',
    ...overrides,
  };
}
