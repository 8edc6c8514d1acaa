// Copy buttons beside bank details: shown only where the browser can copy; the text stays selectable without them.
(function () {
  'use strict';
  if (!navigator.clipboard) { return; }
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.setAttribute('aria-pressed', 'true');
      });
    });
  });
})();
