// The club form: a filter box over the eligible staff list (progressive
// enhancement; without it every box is still there to tick).
(function () {
  "use strict";
  document.querySelectorAll("input[data-filter-list]").forEach(function (box) {
    var list = document.getElementById(box.getAttribute("data-filter-list"));
    if (!list) return;
    box.hidden = false;
    box.addEventListener("input", function () {
      var q = box.value.trim().toLowerCase();
      list.querySelectorAll("[data-filter-text]").forEach(function (item) {
        // A ticked box stays in view, so filtering never hides a choice already made.
        var ticked = item.querySelector("input:checked");
        item.hidden = !!q && !ticked && item.getAttribute("data-filter-text").toLowerCase().indexOf(q) < 0;
      });
    });
  });
})();
