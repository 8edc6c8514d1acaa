// Payment history: rows still New ask /history/status every few seconds and show their new status
// without a reload. Without JavaScript, reloading the page shows the same.
(function () {
  'use strict';
  var table = document.getElementById('history-table');
  if (!table || !window.fetch) { return; }
  var labels = {
    NEW: table.getAttribute('data-label-new'),
    PAID: table.getAttribute('data-label-paid'),
    CANCELLED: table.getAttribute('data-label-cancelled')
  };
  function pending() {
    return Array.prototype.slice.call(table.querySelectorAll('tr[data-status="NEW"]'));
  }
  function poll() {
    var rows = pending();
    if (rows.length === 0) { return; }
    var ids = rows.map(function (r) { return r.getAttribute('data-top-up'); }).join(',');
    fetch('/history/status?ids=' + encodeURIComponent(ids), { credentials: 'same-origin' })
      .then(function (answer) { return answer.ok ? answer.json() : {}; })
      .then(function (statuses) {
        rows.forEach(function (row) {
          var status = statuses[row.getAttribute('data-top-up')];
          if (status && status !== 'NEW' && labels[status]) {
            row.setAttribute('data-status', status);
            var label = row.querySelector('[data-status-label]');
            label.textContent = labels[status];
            label.className = 'status status--' + status.toLowerCase();
          }
        });
      })
      .catch(function () { /* try again next time */ })
      .then(function () { if (pending().length > 0) { window.setTimeout(poll, 5000); } });
  }
  window.setTimeout(poll, 5000);
})();
