// The header search box's script, on every page. Without it the box is a plain GET form to
// /search. With it, what the reader types is answered with up to eight suggestions from
// /search/suggest (topics under any of their names, then article titles), in the ARIA
// combobox pattern: arrows move through them, Enter opens the one chosen (or searches, when
// none is), Escape closes the list. The list floats over the page, so nothing moves. Every
// text shown is set as text, never as HTML; only this site's own paths are followed.
const form = document.querySelector('form[data-suggest]');
if (form) enhance(form);

function enhance(form) {
  const input = form.querySelector('input[name="q"]');
  const endpoint = form.dataset.suggest;
  const list = document.createElement('ul');
  list.id = `${input.id}-suggestions`;
  list.className = 'site-search-suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggestions');
  list.hidden = true;
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('aria-live', 'polite');
  form.append(list, status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  const answers = new Map();
  let items = [];
  let active = -1;
  let timer = 0;
  let pending = null;

  input.addEventListener('input', () => {
    clearTimeout(timer);
    // One request per pause in typing, not per key.
    timer = setTimeout(suggest, 120);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (items.length === 0) return;
      event.preventDefault();
      if (list.hidden) open();
      else choose(step(event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
      event.preventDefault();
      follow(items[active]);
    } else if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener('focus', () => {
    if (items.length > 0) open();
  });
  input.addEventListener('blur', () => close());
  // A press on the list must not take the focus from the box (which would close the list first).
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const option = event.target.closest('[role="option"]');
    if (option) follow(items[Number(option.dataset.index)]);
  });

  async function suggest() {
    const typed = input.value.trim();
    if (typed.length < 2) return show([]);
    if (answers.has(typed)) return show(answers.get(typed));
    pending?.abort();
    pending = new AbortController();
    try {
      const response = await fetch(`${endpoint}?q=${encodeURIComponent(typed)}`, { headers: { accept: 'application/json' }, signal: pending.signal });
      const answer = response.ok ? await response.json() : { items: [] };
      const found = Array.isArray(answer.items) ? answer.items.slice(0, 8) : [];
      if (response.ok) answers.set(typed, found);
      // An answer to an earlier text, overtaken by typing, is not shown.
      if (input.value.trim() === typed) show(found);
    } catch {
      // Cancelled by the next keystroke, or offline: the form still searches.
    }
  }

  function show(found) {
    items = found;
    active = -1;
    input.removeAttribute('aria-activedescendant');
    list.replaceChildren(...found.map(optionOf));
    status.textContent = found.length === 0 ? '' : `${found.length} suggestion${found.length === 1 ? '' : 's'}: use the up and down arrows to choose.`;
    if (found.length > 0 && document.activeElement === input) open();
    else close();
  }

  function optionOf(item, index) {
    const option = document.createElement('li');
    option.id = `${list.id}-${index}`;
    option.className = `site-search-option is-${item.kind === 'topic' ? 'topic' : 'article'}`;
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', 'false');
    option.dataset.index = String(index);
    const label = document.createElement('span');
    label.className = 'site-search-label';
    label.textContent = item.label;
    const detail = document.createElement('span');
    detail.className = 'site-search-detail';
    detail.textContent = item.detail;
    option.append(label, detail);
    return option;
  }

  /** The next index round the list and the box: -1 is the box itself, as typed. */
  function step(by) {
    const next = active + by;
    if (next < -1) return items.length - 1;
    return next >= items.length ? -1 : next;
  }

  function choose(index) {
    active = index;
    for (const option of list.children) option.setAttribute('aria-selected', String(Number(option.dataset.index) === index));
    if (index < 0) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    const option = list.children[index];
    input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  function open() {
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    choose(-1);
  }

  function follow(item) {
    // Only a path on this site: the server sends no other, and nothing else is followed.
    if (item && typeof item.url === 'string' && /^\/(?![/\\])/.test(item.url)) window.location.assign(item.url);
  }
}
