// ocs serve: small progressive enhancements. Every flow works without it.
"use strict";
(function () {
  // Library: filter the list as the user types.
  var filter = document.getElementById("filter");
  var table = document.getElementById("standards");
  if (filter && table) {
    filter.addEventListener("input", function () {
      var q = filter.value.trim().toLowerCase();
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        tr.hidden = q !== "" && tr.textContent.toLowerCase().indexOf(q) < 0;
      });
    });
  }
  // Posting: a live preview a moment after the user stops typing.
  var form = document.getElementById("posting");
  var button = document.getElementById("preview-button");
  if (form && button && form.requestSubmit) {
    var timer = 0;
    var refresh = function (ev) {
      if (ev && ev.target && ev.target.type === "file") { return; }
      clearTimeout(timer);
      timer = setTimeout(function () { form.requestSubmit(button); }, 700);
    };
    form.addEventListener("input", refresh);
    form.addEventListener("change", refresh);
    refresh();
  }
  // Check: show the table of a standard that renders.
  document.querySelectorAll("form.autosubmit").forEach(function (f) {
    if (f.requestSubmit) { f.requestSubmit(); }
  });
})();
