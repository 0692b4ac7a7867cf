// Progressive enhancement for the draft grid: drag a chip onto another cell
// to move it. It only fills and submits the page's plain move form, so the
// server checks clashes exactly as for the form on the entry page (a clash
// shows the explanation there, and nothing moves). Without JS, nothing here runs.
(function () {
  const form = document.getElementById("tt-move");
  const grid = document.querySelector(".tt-grid.tt-editable");
  if (!form || !grid) return;
  let dragged = null;

  for (const chip of grid.querySelectorAll(".tt-chip[data-entry-id]")) {
    chip.setAttribute("draggable", "true");
    chip.addEventListener("dragstart", (event) => {
      dragged = chip;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", chip.dataset.entryId);
    });
    chip.addEventListener("dragend", () => { dragged = null; clearDrop(); });
  }

  function clearDrop() {
    for (const cell of grid.querySelectorAll(".tt-drop")) cell.classList.remove("tt-drop");
  }

  for (const cell of grid.querySelectorAll(".tt-cell")) {
    cell.addEventListener("dragover", (event) => {
      if (!dragged || dragged.closest(".tt-cell") === cell) return;
      event.preventDefault();
      clearDrop();
      cell.classList.add("tt-drop");
    });
    cell.addEventListener("dragleave", () => cell.classList.remove("tt-drop"));
    cell.addEventListener("drop", (event) => {
      event.preventDefault();
      if (!dragged || dragged.closest(".tt-cell") === cell) return;
      form.action = form.dataset.actionTemplate.replace("{id}", encodeURIComponent(dragged.dataset.entryId));
      form.elements.weekday.value = cell.dataset.weekday;
      form.elements.periodId.value = cell.dataset.periodId;
      form.submit();
    });
  }
})();
