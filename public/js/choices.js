// Progressive enhancement for the ranking form (the form works without it):
// move-up / move-down buttons per rank, clubs on unticked days greyed out,
// a club already picked at another rank hidden from the other selects'
// attention, and a print button on the reminder list.
(function () {
  "use strict";

  function enhanceRanking(form) {
    var rows = Array.prototype.slice.call(form.querySelectorAll(".rank-row"));
    var selects = rows.map(function (row) { return row.querySelector("select"); });
    var up = form.dataset.moveUp || "↑";
    var down = form.dataset.moveDown || "↓";

    function swap(i, j) {
      if (j < 0 || j >= selects.length) return;
      var v = selects[i].value;
      selects[i].value = selects[j].value;
      selects[j].value = v;
      refresh();
      selects[j].focus();
    }

    rows.forEach(function (row, i) {
      var box = document.createElement("div");
      box.className = "rank-moves";
      [[up, -1, "moveUpLabel"], [down, 1, "moveDownLabel"]].forEach(function (spec) {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = spec[0];
        b.setAttribute("aria-label", (form.dataset[spec[2]] || "") + " " + (i + 1));
        b.addEventListener("click", function () { swap(i, i + spec[1]); });
        box.appendChild(b);
      });
      row.appendChild(box);
    });

    function chosenDays() {
      return Array.prototype.slice.call(form.querySelectorAll('input[name="weekdays"]:checked')).map(function (c) { return c.value; });
    }

    // Grey out (not remove) clubs that meet on a day the family has not ticked,
    // and clubs already picked at another rank: the server still has the last word.
    function refresh() {
      var days = chosenDays();
      var picked = selects.map(function (s) { return s.value; });
      selects.forEach(function (s, i) {
        Array.prototype.forEach.call(s.options, function (o) {
          if (!o.value) return;
          var needs = (o.dataset.days || "").split(",").filter(Boolean);
          var fits = needs.every(function (d) { return days.indexOf(d) >= 0; });
          var elsewhere = picked.indexOf(o.value) >= 0 && picked[i] !== o.value;
          o.classList.toggle("off", !fits || elsewhere);
          o.disabled = (!fits || elsewhere) && !o.selected;
        });
      });
      document.querySelectorAll(".club-card[data-days]").forEach(function (card) {
        var needs = card.dataset.days.split(",").filter(Boolean);
        card.classList.toggle("off", !needs.every(function (d) { return days.indexOf(d) >= 0; }));
      });
    }

    // Beside each rank, the picked club's description and facts, copied from its card.
    function showPicked() {
      rows.forEach(function (row, i) {
        var box = row.querySelector("[data-rank-club]");
        var card = selects[i].value && document.querySelector("#club-" + selects[i].value + " .club-facts");
        if (box) box.innerHTML = card ? card.innerHTML : "";
      });
    }

    form.addEventListener("change", function () { refresh(); showPicked(); });
    rows.forEach(function (row, i) {
      row.querySelectorAll(".rank-moves button").forEach(function (b) { b.addEventListener("click", showPicked); });
    });
    refresh();
  }

  document.querySelectorAll("form[data-ranking]").forEach(enhanceRanking);

  document.querySelectorAll("button[data-print]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
})();
