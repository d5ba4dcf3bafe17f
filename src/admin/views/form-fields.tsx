import type { Child } from 'hono/jsx';

/**
 * Form controls that answer a mistake next to the field and keep what was typed: every
 * admin form is built from these. `errors` is a ValidationError's `fields` map.
 */
export type FieldErrors = Readonly<Record<string, string>>;

interface FieldBase {
  name: string;
  label: string;
  errors?: FieldErrors | undefined;
  hint?: Child;
  required?: boolean;
  /** defaults to `name` (ids must be unique on the page) */
  id?: string;
}

function describedBy(id: string, hasHint: boolean, error: string | undefined): string | undefined {
  const ids = [hasHint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldFrame({ id, label, hint, error, children }: { id: string; label: string; hint?: Child; error: string | undefined; children: Child }) {
  return (
    <div class={error ? 'admin-field admin-field-invalid' : 'admin-field'}>
      <label for={id}>{label}</label>
      {hint ? (
        <p class="admin-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p class="admin-field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface TextFieldProps extends FieldBase {
  value?: string | undefined;
  type?: 'text' | 'email' | 'url' | 'password' | 'search' | 'datetime-local' | 'number' | 'date' | 'time';
  autocomplete?: string;
  maxlength?: number;
  placeholder?: string;
  inputmode?: 'numeric' | 'text';
  pattern?: string;
  /** for date and time fields: the smallest step, in seconds (the browser's default is a minute) */
  step?: number;
}

export function TextField(props: TextFieldProps) {
  const id = props.id ?? props.name;
  const error = props.errors?.[props.name];
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        placeholder={props.placeholder}
        inputmode={props.inputmode}
        pattern={props.pattern}
        step={props.step}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, Boolean(props.hint), error)}
      />
    </FieldFrame>
  );
}

export interface TextAreaProps extends FieldBase {
  value?: string | undefined;
  rows?: number;
  maxlength?: number;
}

/**
 * A textarea's content as written into HTML: the parser drops one newline straight after
 * `<textarea>`, so one is always written, and a value that starts with a newline keeps it.
 */
export function textareaText(value: string): string {
  return `\n${value}`;
}

export function TextArea(props: TextAreaProps) {
  const id = props.id ?? props.name;
  const error = props.errors?.[props.name];
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        required={props.required}
        maxlength={props.maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, Boolean(props.hint), error)}
      >
        {textareaText(props.value ?? '')}
      </textarea>
    </FieldFrame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends FieldBase {
  options: readonly SelectOption[];
  /** one value, or several with `multiple` */
  value?: string | readonly string[] | undefined;
  multiple?: boolean;
  size?: number;
}

export function SelectField(props: SelectFieldProps) {
  const id = props.id ?? props.name;
  const error = props.errors?.[props.name];
  const chosen = new Set(typeof props.value === 'string' ? [props.value] : (props.value ?? []));
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error}>
      <select
        id={id}
        name={props.name}
        required={props.required}
        multiple={props.multiple}
        size={props.size}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, Boolean(props.hint), error)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={chosen.has(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export interface CheckboxFieldProps {
  name: string;
  label: string;
  checked?: boolean;
  value?: string;
  id?: string;
  errors?: FieldErrors | undefined;
}

export function CheckboxField(props: CheckboxFieldProps) {
  const id = props.id ?? props.name;
  const error = props.errors?.[props.name];
  return (
    <div class="admin-field admin-field-check">
      <input id={id} type="checkbox" name={props.name} value={props.value ?? 'on'} checked={props.checked} aria-invalid={error ? 'true' : undefined} />
      <label for={id}>{props.label}</label>
      {error ? <p class="admin-field-error">{error}</p> : null}
    </div>
  );
}

/** The hidden CSRF field every admin form carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="csrf" value={token} />;
}

/** A short summary at the top of a rejected form, linking to each field that needs attention. */
export function FormErrorSummary({ message, errors }: { message?: string | undefined; errors?: FieldErrors | undefined }) {
  const entries = Object.entries(errors ?? {});
  if (!message && entries.length === 0) return null;
  return (
    <div class="admin-alert" role="alert" tabindex={-1}>
      <p>{message ?? 'Please correct the fields marked below.'}</p>
      {entries.length > 0 ? (
        <ul>
          {entries.map(([field, text]) => (
            <li>
              <a href={`#${field}`}>{text}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
