// Register page, progressive enhancement only (the form works without it):
// a tapped mark recolours its row at once, the save bar says how many marks
// are not saved yet, and leaving with unsaved marks asks first.
(function () {
  const form = document.getElementById("register");
  if (!form) return;
  const changed = new Set();
  const button = form.querySelector(".register-save button");
  const label = button ? button.textContent : "";

  form.addEventListener("change", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement)) return;
    const row = input.closest(".roster-row");
    if (!row) return;
    if (input.type === "radio") {
      row.classList.remove("unmarked", "marked-present", "marked-absent", "marked-excused");
      row.classList.add("marked-" + input.value);
    }
    changed.add(input.name);
    if (button) button.textContent = label + " (" + changed.size + ")";
  });

  form.addEventListener("submit", () => changed.clear());
  window.addEventListener("beforeunload", (event) => {
    if (changed.size > 0) event.preventDefault();
  });
})();
