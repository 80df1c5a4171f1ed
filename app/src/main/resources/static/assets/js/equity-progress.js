// Follows a waiting-list analysis in place: polls its status every second and updates the status
// line, then reloads the page once the analysis has ended (the page also refreshes itself every
// 2 seconds without JavaScript).
(function () {
  var progress = document.getElementById('progress');
  if (!progress || !window.fetch) {
    return;
  }
  var url = progress.getAttribute('data-status-url');
  var status = document.getElementById('progress-status');
  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (s) {
        if (!s) {
          return;
        }
        if (s.status === 'done' || s.status === 'failed') {
          window.location.reload();
          return;
        }
        status.textContent = s.statusText + (s.status === 'queued'
          ? ': the extract waits for a free worker.'
          : ': the engine is reading the extract.');
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 1000);
})();
