import { ValidationError } from '../../shared/errors.js';
import { slugify } from '../../shared/slugify.js';
import type { TopicEdit } from '../../structure/index.js';
import type { TopicKind } from '../../taxonomy/index.js';

/** The topic form's fields as typed, kept to show again when the form is refused. */
export interface TopicFormValues {
  name: string;
  slug: string;
  parentId: string;
  kind: string;
  description: string;
  aliases: string;
}

export function topicFormValues(form: Record<string, string>): TopicFormValues {
  return {
    name: form.name ?? '',
    slug: form.slug ?? '',
    parentId: form.parentId ?? '',
    kind: form.kind ?? '',
    description: form.description ?? '',
    aliases: form.aliases ?? '',
  };
}

/**
 * Aliases are typed one per line. Blank lines before and after are ignored; one between
 * aliases is a mistake (it reads as an empty alias), and so is the same alias twice.
 */
export function aliasesOf(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/).map((l) => l.trim());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  const empty = lines.indexOf('');
  if (empty >= 0) throw new ValidationError('an alias is empty', { aliases: `line ${empty + 1} is empty: one alias per line` });
  const seen = new Map<string, number>();
  lines.forEach((alias, i) => {
    const earlier = seen.get(alias.toLowerCase());
    if (earlier !== undefined) throw new ValidationError('an alias is listed twice', { aliases: `"${alias}" is listed twice (lines ${earlier + 1} and ${i + 1})` });
    seen.set(alias.toLowerCase(), i);
  });
  return lines;
}

/** The use case's input from the typed values (a slug left empty is made from the name). */
export function topicEditOf(values: TopicFormValues): TopicEdit & { name: string; kind: TopicKind; slug: string } {
  return {
    name: values.name,
    slug: values.slug.trim() === '' ? slugify(values.name) : values.slug.trim(),
    parentId: values.parentId === '' ? null : values.parentId,
    kind: values.kind as TopicKind,
    description: values.description,
    aliases: aliasesOf(values.aliases),
  };
}

export function valuesOfTopic(topic: { name: string; slug: string; parentId: string | null; kind: string; description: string; aliases: string[] }): TopicFormValues {
  return { name: topic.name, slug: topic.slug, parentId: topic.parentId ?? '', kind: topic.kind, description: topic.description, aliases: topic.aliases.join('\n') };
}
