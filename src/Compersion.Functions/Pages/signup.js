// Enhances the sign-up page from the browser's own settings; without JavaScript the form works as it is.
// - Pre-selects the browser's time zone.
// - Notes whether the browser's locale reads times on a 12-hour clock ("8:00 pm"), so mail can write them that way.
(function () {
  'use strict';
  var clock = document.getElementById('clock');
  if (clock && !clock.value) {
    try {
      var cycle = new Intl.DateTimeFormat(undefined, { hour: 'numeric' }).resolvedOptions().hourCycle;
      if (cycle) {
        clock.value = cycle === 'h11' || cycle === 'h12' ? '12' : '24';
      }
    } catch (e) {
      // An old browser: mail keeps the 24-hour clock, which the settings page can change.
    }
  }

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
