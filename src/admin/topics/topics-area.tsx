import { deleteTopic, editTopic, moveTopic } from '../../structure/index.js';
import { createTopic, findTopicById, type Topic } from '../../taxonomy/index.js';
import { NotFoundError } from '../../shared/errors.js';
import type { AdminDeps } from '../admin-deps.js';
import { actorOf, noticeFrom, readForm, type Refusal, submitOrRefuse, writeDepsOf } from '../forms/form-kit.js';
import type { AdminArea, AdminContext } from '../shell/admin-area.js';
import { adminChromeOf, adminPage } from '../shell/admin-page.js';
import { type TopicFormValues, topicEditOf, topicFormValues, valuesOfTopic } from './topic-form.js';
import { loadTopicTree, parentOptions } from './topic-tree.js';
import { MoveTopicView, TopicFormView, TopicTreeView } from './topic-views.js';

const NOTICES = { created: 'Topic created.', saved: 'Topic saved.', moved: 'Topic moved; its old URLs now redirect.', deleted: 'Topic deleted.' };

/** The topic tree: create, edit, move and delete topics (manage_taxonomy). */
export function topicsArea(deps: AdminDeps): AdminArea {
  const write = writeDepsOf(deps);
  const findTopic = async (c: AdminContext): Promise<Topic> => {
    const topic = await findTopicById(deps.db, c.req.param('id')!);
    if (!topic) throw new NotFoundError('topic', c.req.param('id')!);
    return topic;
  };

  const newForm = async (c: AdminContext, values: TopicFormValues, refusal?: Refusal) =>
    adminPage(c, {
      title: 'New topic',
      status: refusal ? 400 : 200,
      children: (
        <TopicFormView
          heading="New topic"
          action="/admin/topics/new"
          csrfToken={adminChromeOf(c).csrfToken}
          values={values}
          parents={parentOptions(await loadTopicTree(deps.db))}
          errors={refusal?.fields}
          message={refusal?.message}
          submitLabel="Create topic"
        />
      ),
    });

  const editForm = async (c: AdminContext, topic: Topic, values: TopicFormValues, refusal?: Refusal) => {
    const tree = await loadTopicTree(deps.db);
    const row = tree.find((r) => r.topic.id === topic.id);
    return adminPage(c, {
      title: `Edit ${topic.name}`,
      status: refusal ? 400 : 200,
      notice: noticeFrom(c, NOTICES),
      children: (
        <TopicFormView
          heading={`Edit ${topic.name}`}
          action={`/admin/topics/${topic.id}/edit`}
          csrfToken={adminChromeOf(c).csrfToken}
          values={values}
          parents={parentOptions(tree, topic)}
          errors={refusal?.fields}
          message={refusal?.message}
          existing={{ topic, filed: row?.filed ?? 0, childCount: row?.childCount ?? 0 }}
          submitLabel="Save topic"
        />
      ),
    });
  };

  const moveForm = async (c: AdminContext, topic: Topic, values: { parentId: string; slug: string }, refusal?: Refusal) =>
    adminPage(c, {
      title: `Move ${topic.name}`,
      status: refusal ? 400 : 200,
      children: (
        <MoveTopicView
          topic={topic}
          csrfToken={adminChromeOf(c).csrfToken}
          parents={parentOptions(await loadTopicTree(deps.db), topic)}
          values={values}
          errors={refusal?.fields}
          message={refusal?.message}
        />
      ),
    });

  return {
    name: 'topics',
    nav: [{ label: 'Topics', href: '/admin/topics/', access: 'manage_taxonomy', order: 40 }],
    routes: [
      {
        method: 'GET',
        path: '/topics/',
        access: 'manage_taxonomy',
        handler: async (c) => adminPage(c, { title: 'Topics', notice: noticeFrom(c, NOTICES), children: <TopicTreeView rows={await loadTopicTree(deps.db)} /> }),
      },
      {
        method: 'GET',
        path: '/topics/new',
        access: 'manage_taxonomy',
        handler: (c) => newForm(c, { ...topicFormValues({}), kind: 'theme', parentId: c.req.query('parent') ?? '' }),
      },
      {
        method: 'POST',
        path: '/topics/new',
        access: 'manage_taxonomy',
        handler: async (c) => {
          const values = topicFormValues(await readForm(c));
          return submitOrRefuse(
            async () => {
              await createTopic(write, actorOf(c), topicEditOf(values));
              return c.redirect('/admin/topics/?done=created', 303);
            },
            (refusal) => newForm(c, values, refusal),
          );
        },
      },
      {
        method: 'GET',
        path: '/topics/:id/edit',
        access: 'manage_taxonomy',
        handler: async (c) => {
          const topic = await findTopic(c);
          return editForm(c, topic, valuesOfTopic(topic));
        },
      },
      {
        method: 'POST',
        path: '/topics/:id/edit',
        access: 'manage_taxonomy',
        handler: async (c) => {
          const topic = await findTopic(c);
          const values = topicFormValues(await readForm(c));
          return submitOrRefuse(
            async () => {
              const saved = await editTopic(write, actorOf(c), topic.id, topicEditOf(values));
              return c.redirect(`/admin/topics/${saved.id}/edit?done=${saved.path === topic.path ? 'saved' : 'moved'}`, 303);
            },
            (refusal) => editForm(c, topic, values, refusal),
          );
        },
      },
      {
        method: 'GET',
        path: '/topics/:id/move',
        access: 'manage_taxonomy',
        handler: async (c) => {
          const topic = await findTopic(c);
          return moveForm(c, topic, { parentId: topic.parentId ?? '', slug: topic.slug });
        },
      },
      {
        method: 'POST',
        path: '/topics/:id/move',
        access: 'manage_taxonomy',
        handler: async (c) => {
          const topic = await findTopic(c);
          const form = await readForm(c);
          const values = { parentId: form.parentId ?? '', slug: (form.slug ?? '').trim() };
          return submitOrRefuse(
            async () => {
              await moveTopic(write, actorOf(c), topic.id, { parentId: values.parentId === '' ? null : values.parentId, slug: values.slug });
              return c.redirect('/admin/topics/?done=moved', 303);
            },
            (refusal) => moveForm(c, topic, values, refusal),
          );
        },
      },
      {
        method: 'POST',
        path: '/topics/:id/delete',
        access: 'manage_taxonomy',
        handler: async (c) => {
          const topic = await findTopic(c);
          return submitOrRefuse(
            async () => {
              await deleteTopic(write, actorOf(c), topic.id);
              return c.redirect('/admin/topics/?done=deleted', 303);
            },
            (refusal) => editForm(c, topic, valuesOfTopic(topic), refusal),
          );
        },
      },
    ],
  };
}
