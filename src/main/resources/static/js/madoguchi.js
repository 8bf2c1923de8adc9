// htmx requests carry the CSRF token from the page's meta tags (no inline scripts: the CSP forbids them).
document.addEventListener('htmx:configRequest', function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// On the keying screen Enter submits from any field, a select included (browsers only do it for text inputs),
// so a clerk keys a whole form without leaving the keyboard's home row.
document.addEventListener('keydown', function (event) {
  var field = event.target;
  if (event.key === 'Enter' && field.tagName === 'SELECT' && field.form && field.form.classList.contains('keying-form')) {
    event.preventDefault();
    field.form.requestSubmit();
  }
});
