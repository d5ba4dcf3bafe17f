/** Signing out is a POST with the session's CSRF token, so no other site can sign a user out. */
export function LogoutForm({ csrfToken }: { csrfToken: string }) {
  return (
    <form method="post" action="/admin/logout" class="admin-inline-form">
      <input type="hidden" name="csrf" value={csrfToken} />
      <button type="submit" class="admin-link-button">
        Log out
      </button>
    </form>
  );
}
