// Marks the page as having JavaScript before it renders, as NHS.UK frontend's page template does inline.
// A file rather than an inline script, so the Content Security Policy can forbid inline scripts.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');
