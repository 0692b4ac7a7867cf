// The proposal's progress bar: polls the run's JSON every second and reloads
// the page when the run has ended (the page then shows the proposal).
(function () {
  var section = document.querySelector("[data-progress-url]");
  if (!section) return;
  var url = section.getAttribute("data-progress-url");
  var bar = document.getElementById("pr-bar");
  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (p) {
        if (bar) bar.value = p.percent;
        if (p.finished) return window.location.reload();
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
