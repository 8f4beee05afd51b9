// sepiola's one script, and an optional one: every form works without it.
// The sort applies as soon as it changes, and the search forms leave empty
// parameters out of the URL, so that shared links stay short.
for (const select of document.querySelectorAll('select[data-autosubmit]')) {
  select.addEventListener('change', () => select.form.requestSubmit());
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
