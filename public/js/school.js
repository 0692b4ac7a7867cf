// School set-up pages: progressive enhancement only; every form works without it.
(function () {
  "use strict";
  // Print buttons (the calendar, the family-code sheet): no inline script under the CSP.
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest("[data-print]")) window.print();
  });

  // The calendar-day form shows "runs the timetable of" only for make-up days,
  // and "until" only for the kinds that may span several dates.
  function syncKind(select) {
    var form = select.form;
    if (!form) return;
    form.querySelectorAll("[data-show-for]").forEach(function (el) { el.hidden = el.getAttribute("data-show-for") !== select.value; });
    form.querySelectorAll("[data-hide-for]").forEach(function (el) { el.hidden = el.getAttribute("data-hide-for") === select.value; });
  }
  document.querySelectorAll("select[data-kind-select]").forEach(function (select) {
    syncKind(select);
    select.addEventListener("change", function () { syncKind(select); });
  });

  // Enrollment: ticking a weekday means a reply was received.
  document.querySelectorAll("table.enrollment tbody tr").forEach(function (row) {
    var received = row.querySelector('input[name^="r_"]');
    row.querySelectorAll('input[name^="w_"]').forEach(function (box) {
      box.addEventListener("change", function () { if (box.checked && received) received.checked = true; });
    });
  });
})();
