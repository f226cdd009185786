// Pre-selects the browser's time zone on the sign-up page. Without JavaScript the list works as it is.
(function () {
  'use strict';
  var select = document.getElementById('zone');
  var hint = document.getElementById('zone-hint');
  if (!select || select.value) {
    return;
  }
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  for (var i = 0; i < select.options.length; i++) {
    if (select.options[i].value === zone) {
      select.value = zone;
      if (hint) {
        hint.textContent = 'We picked ' + zone + ' from your browser. Change it if it is wrong.';
      }
      return;
    }
  }
}());
