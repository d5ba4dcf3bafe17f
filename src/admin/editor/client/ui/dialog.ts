/**
 * A small modal form in a native `<dialog>`: it traps focus, closes on Escape, and gives
 * focus back where it was. Mistakes are answered next to the field, keeping what was typed.
 */
import { h, uniqueId } from './dom.js';

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'textarea';
  inputMode?: 'url' | 'text' | 'email';
  value?: string;
  hint?: string;
  placeholder?: string;
}

export type FieldErrors = Record<string, string>;

export interface DialogSpec {
  title: string;
  /** what the dialog is for, above the fields */
  intro?: Node | string;
  /** content above the fields (the figure dialog's choice of image) */
  before?: HTMLElement;
  fields: FieldSpec[];
  /** extra content below the fields (the media library's grid) */
  body?: Node;
  submitLabel: string;
  /** buttons beside submit and cancel, e.g. "Remove link" */
  extraActions?: { label: string; run: () => void }[];
  validate?: (values: Record<string, string>) => FieldErrors | null;
  /** returns false (or a promise of it) to keep the dialog open */
  onSubmit: (values: Record<string, string>) => void | boolean | Promise<void | boolean>;
  /** runs after closing, instead of giving focus back to where it was */
  onClose?: () => void;
}

export interface OpenDialog {
  dialog: HTMLDialogElement;
  form: HTMLFormElement;
  field(name: string): HTMLInputElement | HTMLTextAreaElement;
  showErrors(errors: FieldErrors): void;
  close(): void;
}

export function openFormDialog(spec: DialogSpec): OpenDialog {
  const titleId = uniqueId('editor-dialog-title');
  const controls = new Map<string, { control: HTMLInputElement | HTMLTextAreaElement; error: HTMLElement }>();
  const fields = spec.fields.map((f) => {
    const id = uniqueId(`editor-${f.name}`);
    const hintId = f.hint ? `${id}-hint` : undefined;
    const errorId = `${id}-error`;
    const control =
      f.type === 'textarea'
        ? h('textarea', { id, name: f.name, rows: '3', 'aria-describedby': hintId })
        : h('input', { id, name: f.name, type: 'text', inputmode: f.inputMode, placeholder: f.placeholder, 'aria-describedby': hintId, autocomplete: 'off', spellcheck: f.inputMode === 'url' ? 'false' : undefined });
    control.value = f.value ?? '';
    const error = h('p', { class: 'admin-field-error', id: errorId, hidden: true });
    controls.set(f.name, { control, error });
    return h('div', { class: 'admin-field' }, h('label', { for: id }, f.label), f.hint ? h('p', { class: 'admin-hint', id: hintId }, f.hint) : null, control, error);
  });
  const submit = h('button', { type: 'submit' }, spec.submitLabel);
  const cancel = h('button', { type: 'button', class: 'admin-button-secondary' }, 'Cancel');
  const extras = (spec.extraActions ?? []).map((action) => {
    const button = h('button', { type: 'button', class: 'admin-button-secondary' }, action.label);
    button.addEventListener('click', () => {
      action.run();
      close();
    });
    return button;
  });
  const form = h(
    'form',
    { method: 'dialog', class: 'editor-dialog-form', novalidate: true },
    h('h2', { id: titleId, class: 'editor-dialog-title' }, spec.title),
    spec.intro ? h('div', { class: 'editor-dialog-intro' }, spec.intro) : null,
    spec.before ?? null,
    ...fields,
    spec.body ?? null,
    h('div', { class: 'editor-dialog-actions' }, submit, ...extras, cancel),
  );
  const dialog = h('dialog', { class: 'editor-dialog', 'aria-labelledby': titleId }, form);
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  let isClosed = false;

  const values = () => Object.fromEntries([...controls].map(([name, { control }]) => [name, control.value.trim()]));
  const showErrors = (errors: FieldErrors) => {
    let first: HTMLElement | null = null;
    for (const [name, { control, error }] of controls) {
      const message = errors[name];
      error.textContent = message ?? '';
      error.hidden = !message;
      if (message) {
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby')?.replace(error.id, '').trim(), error.id].filter(Boolean).join(' '));
        first ??= control;
      } else {
        control.removeAttribute('aria-invalid');
      }
    }
    first?.focus();
  };
  const close = () => {
    if (isClosed) return;
    isClosed = true;
    if (dialog.open) dialog.close();
    dialog.remove();
    if (spec.onClose) spec.onClose();
    else if (returnTo?.isConnected) returnTo.focus();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const current = values();
    const errors = spec.validate?.(current) ?? null;
    if (errors && Object.keys(errors).length > 0) return showErrors(errors);
    showErrors({});
    submit.disabled = true;
    try {
      const result = await spec.onSubmit(current);
      if (result !== false) close();
    } finally {
      submit.disabled = false;
    }
  });
  cancel.addEventListener('click', close);
  dialog.addEventListener('close', close);
  document.body.append(dialog);
  dialog.showModal();
  const firstControl = spec.before?.querySelector<HTMLElement>('input, button');
  (firstControl ?? controls.values().next().value?.control ?? submit).focus();
  return {
    dialog,
    form,
    field: (name) => {
      const entry = controls.get(name);
      if (!entry) throw new Error(`no field ${name}`);
      return entry.control;
    },
    showErrors,
    close,
  };
}
