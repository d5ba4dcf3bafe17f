// The comment form's script: the public site's only one, loaded where the form is. The form
// works without it (see src/site/comments/comment-routes.tsx); with it, the form's token is
// fetched for this reader (the page itself is cached and shared), remembered details are
// filled in from the reader's own cookie, replies open under the comment they answer, and a
// post is sent and answered in place. Nothing it shows is built from HTML it did not get
// from this site's server; what the reader typed is only ever set as text or field values.
const form = document.querySelector('form[data-comment-form]');
if (form) enhance(form);

function enhance(form) {
  const field = (name) => form.elements.namedItem(name);
  const respond = form.closest('.comment-respond');
  const home = { parent: respond.parentNode, next: respond.nextSibling };
  const heading = respond.querySelector('h2');
  const headingText = heading.textContent;
  const formError = form.querySelector('#comment-form-error');
  let tokenFetch = null;
  let isClosed = false;

  fillRemembered();
  // A token minted for this page view, on the reader's first step into the form: a page read
  // without commenting costs no request. The server refuses a post sooner than a person types.
  form.addEventListener('focusin', () => ensureToken(), { once: true });

  document.addEventListener('click', (event) => {
    const reply = event.target.closest('a[data-reply-to]');
    if (reply) {
      event.preventDefault();
      openReply(reply);
      return;
    }
    if (event.target.closest('[data-cancel-reply]')) {
      event.preventDefault();
      closeReply();
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      await ensureToken();
      if (isClosed) return;
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin',
      });
      const answer = await response.json();
      if (answer.token) field('token').value = answer.token;
      if (response.status === 201) posted(answer);
      else if (answer.closed) showClosed(answer.errors?.form ?? answer.message);
      else showErrors(answer);
    } catch {
      showFormError('Your comment was not sent: there is no connection to the site. It is still here; try again in a moment.');
    } finally {
      button.disabled = isClosed;
    }
  });

  function ensureToken() {
    if (field('token').value) return Promise.resolve();
    tokenFetch ??= fetch(`/comments/token/?article=${encodeURIComponent(field('articleId').value)}`, { credentials: 'same-origin' })
      .then((r) => r.json())
      .then((answer) => {
        if (answer.closed) showClosed(answer.message);
        else if (answer.token && !field('token').value) field('token').value = answer.token;
      })
      .catch(() => {
        tokenFetch = null; // tried again on submit
      });
    return tokenFetch;
  }

  // The page was read before the article's comments closed (they close some days after it is
  // published): say so where the form was, as the page does now, rather than let a post be
  // refused. Words already typed stay in the form, for the reader to copy, with no button.
  function showClosed(message) {
    isClosed = true;
    closeReply();
    for (const link of document.querySelectorAll('a[data-reply-to]')) link.remove();
    const closed = document.createElement('p');
    closed.className = 'comments-closed';
    closed.setAttribute('role', 'status');
    closed.textContent = message || 'Comments are closed.';
    if (field('body').value.trim() === '') {
      respond.replaceWith(closed);
      return;
    }
    form.querySelector('button[type="submit"]').disabled = true;
    formError.replaceWith(closed);
  }

  function posted(answer) {
    const notice = document.querySelector('[data-comment-notice]');
    const item = fromServer(answer.html);
    notice.replaceChildren();
    if (answer.status === 'approved') {
      const list = answer.parentId ? repliesOf(answer.parentId) : threadList();
      list.append(item);
      notice.append(paragraph('Thank you: your comment is published.'));
    } else {
      const held = document.createElement('div');
      held.className = 'comment-notice comment-notice-held';
      held.append(paragraph('Thank you. Your comment is awaiting moderation: it is shown here to you alone until an editor approves it.'));
      const preview = document.createElement('ol');
      preview.className = 'comment-list comment-preview';
      preview.append(item);
      held.append(preview);
      notice.append(held);
    }
    notice.setAttribute('role', 'status');
    // The reader stays on the page: their name and email stay in the form for a next comment.
    field('body').value = '';
    closeReply();
    notice.scrollIntoView({ block: 'nearest' });
  }

  // The server's rendering of the comment (escaped and sanitized there), parsed inert.
  function fromServer(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content.firstElementChild;
  }

  function threadList() {
    let list = document.querySelector('#comments > .comment-list');
    if (!list) {
      list = document.createElement('ol');
      list.className = 'comment-list';
      document.querySelector('#comments .comments-empty')?.remove();
      respond.parentNode.insertBefore(list, respond);
    }
    return list;
  }

  function repliesOf(parentId) {
    const item = document.getElementById(`comment-${parentId}`)?.closest('li');
    if (!item) return threadList();
    let list = item.querySelector(':scope > .comment-replies');
    if (!list) {
      list = document.createElement('ol');
      list.className = 'comment-replies';
      item.append(list);
    }
    return list;
  }

  function showErrors(answer) {
    const errors = answer.errors ?? {};
    for (const [name, message] of Object.entries(errors)) {
      const slot = form.querySelector(`#comment-${name}-error`);
      if (slot) {
        slot.textContent = message;
        slot.hidden = false;
        field(name)?.setAttribute('aria-invalid', 'true');
        slot.closest('.comment-field')?.classList.add('comment-field-invalid');
      }
    }
    const general = errors.form ?? errors.parentId ?? (Object.keys(errors).length === 0 ? answer.message : null);
    if (general) showFormError(general);
    const first = form.querySelector('[aria-invalid="true"]');
    (first ?? formError).focus?.();
  }

  function showFormError(message) {
    formError.textContent = message;
    formError.hidden = false;
  }

  function clearErrors() {
    formError.hidden = true;
    formError.textContent = '';
    for (const slot of form.querySelectorAll('.comment-error')) {
      slot.hidden = true;
      slot.textContent = '';
    }
    for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
    for (const row of form.querySelectorAll('.comment-field-invalid')) row.classList.remove('comment-field-invalid');
  }

  function openReply(link) {
    const comment = document.getElementById(`comment-${link.dataset.replyTo}`);
    if (!comment) return;
    comment.after(respond);
    field('parentId').value = link.dataset.replyTo;
    heading.textContent = `Reply to ${link.dataset.replyName}`;
    cancelLink().hidden = false;
    field('body').focus();
  }

  function closeReply() {
    if (!field('parentId').value) return;
    field('parentId').value = '';
    heading.textContent = headingText;
    cancelLink().hidden = true;
    home.parent.insertBefore(respond, home.next);
  }

  function cancelLink() {
    let link = form.querySelector('[data-cancel-reply]');
    if (!link) {
      link = document.createElement('a');
      link.href = '#respond';
      link.className = 'comment-cancel-reply';
      link.dataset.cancelReply = '';
      link.textContent = 'Cancel reply';
      form.querySelector('.comment-submit').append(link);
    }
    return link;
  }

  function fillRemembered() {
    const raw = document.cookie.split('; ').find((pair) => pair.startsWith('dossier_commenter='));
    if (!raw) return;
    try {
      const base64 = raw.slice('dossier_commenter='.length).replace(/-/g, '+').replace(/_/g, '/');
      const kept = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0))));
      for (const name of ['name', 'email', 'website']) {
        if (typeof kept[name] === 'string' && !field(name).value) field(name).value = kept[name];
      }
      field('remember').checked = true;
    } catch {
      // A cookie this script cannot read fills nothing.
    }
  }

  function paragraph(text) {
    const p = document.createElement('p');
    p.className = 'comment-notice';
    p.textContent = text;
    return p;
  }
}
