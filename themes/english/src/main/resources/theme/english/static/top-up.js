// Top-up: a preset fills the amount; changing the payer or the currency shows that choice's methods at once.
(function () {
  'use strict';
  var amount = document.getElementById('topup-amount');
  document.querySelectorAll('input[name="preset"]').forEach(function (preset) {
    preset.addEventListener('change', function () {
      if (amount && preset.checked) { amount.value = preset.value; }
    });
  });
  var chooser = document.querySelector('form[data-autosubmit]');
  if (chooser) {
    chooser.querySelectorAll('select').forEach(function (select) {
      select.addEventListener('change', function () {
        if (amount && amount.value) {
          var keep = document.createElement('input');
          keep.type = 'hidden';
          keep.name = 'amount';
          keep.value = amount.value;
          chooser.appendChild(keep);
        }
        chooser.submit();
      });
    });
  }
})();
