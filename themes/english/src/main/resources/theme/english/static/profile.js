// Copy buttons of the profile page: a button with data-copy="<id>" copies the text of that element.
// The buttons are hidden in the HTML and shown here, so a browser without JavaScript shows no
// button that does nothing; the reference stays readable and selectable either way.
(function () {
  'use strict';
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var target = document.getElementById(button.getAttribute('data-copy'));
    if (!target) {
      return;
    }
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(target.textContent.trim()).then(function () {
        button.textContent = button.getAttribute('data-copied') || label;
        window.setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });
}());
