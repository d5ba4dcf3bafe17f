/**
 * The article form's fields as plain name/value pairs, for the local copy: read them all,
 * and put them all back. The CSRF token and the version are not content and are skipped.
 */

export type FieldEntries = [string, string][];

const NOT_CONTENT = new Set(['csrf', 'version']);
const NOT_VALUES = new Set(['file', 'submit', 'button', 'reset', 'image']);

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function contentControls(form: HTMLFormElement): Control[] {
  return [...form.elements].filter(
    (el): el is Control =>
      (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) &&
      el.name !== '' &&
      !NOT_CONTENT.has(el.name) &&
      !(el instanceof HTMLInputElement && NOT_VALUES.has(el.type)),
  );
}

export function readFields(form: HTMLFormElement): FieldEntries {
  const entries: FieldEntries = [];
  for (const el of contentControls(form)) {
    if (el.disabled) continue;
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      if (el.checked) entries.push([el.name, el.value]);
    } else if (el instanceof HTMLSelectElement && el.multiple) {
      for (const option of el.selectedOptions) entries.push([el.name, option.value]);
    } else {
      entries.push([el.name, el.value]);
    }
  }
  return entries;
}

/** Fills the form from entries; each control that changes gets an `input` event, as if typed. */
export function writeFields(form: HTMLFormElement, entries: FieldEntries): void {
  const byName = new Map<string, string[]>();
  for (const [name, value] of entries) byName.set(name, [...(byName.get(name) ?? []), value]);
  const used = new Map<string, number>();
  for (const el of contentControls(form)) {
    const values = byName.get(el.name) ?? [];
    let changed = false;
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      const checked = values.includes(el.value);
      changed = el.checked !== checked;
      el.checked = checked;
    } else if (el instanceof HTMLSelectElement && el.multiple) {
      for (const option of el.options) {
        const selected = values.includes(option.value);
        changed ||= option.selected !== selected;
        option.selected = selected;
      }
    } else {
      const index = used.get(el.name) ?? 0;
      used.set(el.name, index + 1);
      const value = values[index] ?? '';
      changed = el.value !== value;
      el.value = value;
    }
    if (changed) el.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

export function sameFields(a: FieldEntries, b: FieldEntries): boolean {
  return a.length === b.length && a.every(([name, value], i) => b[i]?.[0] === name && b[i]?.[1] === value);
}
