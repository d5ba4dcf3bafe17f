import { CsrfField, type FieldErrors, FormErrorSummary, TextField } from '../views/form-fields.js';

export interface TwoFactorSetupViewProps {
  csrfToken: string;
  /** the otpauth:// URI as a QR code, an SVG data URL */
  qrDataUrl: string;
  secret: string;
  errors?: FieldErrors | undefined;
}

export function TwoFactorSetupView({ csrfToken, qrDataUrl, secret, errors }: TwoFactorSetupViewProps) {
  return (
    <section class="admin-card admin-two-factor" aria-labelledby="setup-title">
      <h1 id="setup-title">Set up two-factor sign-in</h1>
      <ol>
        <li>Open your authenticator app (any that supports TOTP codes) and add an account.</li>
        <li>
          Scan this code, or type the key below.
          <img class="admin-qr" src={qrDataUrl} width={200} height={200} alt="QR code holding the key below, for your authenticator app" />
          <p>
            Key: <code class="admin-secret">{secret.match(/.{1,4}/g)!.join(' ')}</code>
          </p>
        </li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <FormErrorSummary errors={errors} />
      <form method="post" action="/admin/profile/two-factor/confirm" novalidate>
        <CsrfField token={csrfToken} />
        <TextField name="code" label="Code" inputmode="numeric" autocomplete="one-time-code" required maxlength={10} errors={errors} />
        <button type="submit">Turn two-factor on</button>
      </form>
      <p>
        <a href="/admin/profile/">Not now</a>
      </p>
    </section>
  );
}

/** Shown once, right after they were made: only their hashes are kept. */
export function RecoveryCodesView({ codes }: { codes: string[] }) {
  return (
    <section class="admin-card" aria-labelledby="codes-title">
      <h1 id="codes-title">Your recovery codes</h1>
      <p>
        Each code signs you in once if you lose your phone. <strong>Store them somewhere safe now:</strong> they will not be shown again.
      </p>
      <ul class="admin-recovery-codes">
        {codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href="/admin/profile/">Back to your profile</a>
      </p>
    </section>
  );
}
