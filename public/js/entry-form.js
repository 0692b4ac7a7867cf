// Progressive enhancement for the entry form: choosing a club fills a blank
// teacher and venue with the club's own (the server does the same for blanks,
// this only shows it before saving). Without JS, nothing here runs.
(function () {
  const club = document.getElementById("f-club");
  if (!club) return;
  club.addEventListener("change", () => {
    const option = club.selectedOptions[0];
    if (!option) return;
    const kind = document.getElementById("f-kind");
    if (option.value && kind) kind.value = "club";
    for (const [id, value] of [["f-staff", option.dataset.staff], ["f-venue", option.dataset.venue]]) {
      const select = document.getElementById(id);
      if (select && !select.value && value) select.value = value;
    }
  });
})();
