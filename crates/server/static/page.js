// sepiola's one script, and an optional one: every form works without it.
// The sort applies as soon as it changes, and the search forms leave empty
// parameters out of the URL, so that shared links stay short.
for (const select of document.querySelectorAll('select[data-autosubmit]')) {
  select.addEventListener('change', () => select.form.requestSubmit());
}
// The language menu is a <details>: Escape or a click elsewhere closes it.
for (const menu of document.querySelectorAll('details.langs')) {
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menu.open) {
      menu.open = false;
      menu.querySelector('summary').focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
}
for (const form of document.querySelectorAll('form[data-compact]')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (value !== '' || name === 'search') params.append(name, value);
    }
    window.location.assign(form.action + '?' + params);
  });
}

// The events' and groups' place box: suggestions from this server's own
// gazetteer (/api/v1/places, never another site) as you type, and "use my
// position", which asks the browser for the position only when clicked.
for (const input of document.querySelectorAll('input[data-places]')) {
  const list = document.getElementById(input.getAttribute('list'));
  const field = input.closest('.field');
  let timer = 0;
  let asked = '';
  input.addEventListener('input', () => {
    // A new name drops the place a link picked and any position.
    for (const kept of field.querySelectorAll('[data-place-kept]')) kept.remove();
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2 || text === asked || text.includes(',')) return;
    timer = setTimeout(async () => {
      asked = text;
      try {
        const r = await fetch('/api/v1/places?count=8&search=' + encodeURIComponent(text));
        if (!r.ok) return;
        const places = (await r.json()).data;
        list.replaceChildren(...places.map((p) => {
          const o = document.createElement('option');
          o.value = p.country ? p.name + ', ' + p.country : p.name;
          return o;
        }));
      } catch (e) { /* suggestions are optional */ }
    }, 150);
  });
  const locate = field.querySelector('[data-locate]');
  const status = field.querySelector('[data-locate-status]');
  if (!locate || !('geolocation' in navigator)) continue;
  locate.hidden = false;
  locate.addEventListener('click', () => {
    navigator.geolocation.getCurrentPosition((pos) => {
      for (const kept of field.querySelectorAll('[data-place-kept]')) kept.remove();
      input.value = '';
      for (const [name, value] of [['lat', pos.coords.latitude], ['lon', pos.coords.longitude]]) {
        const h = document.createElement('input');
        h.type = 'hidden'; h.name = name; h.value = value.toFixed(5);
        h.setAttribute('data-place-kept', '');
        field.append(h);
      }
      input.form.requestSubmit();
    }, () => { status.textContent = locate.dataset.locateError; }, { timeout: 10000 });
  });
}
