// Progressive enhancement for the allocation pages; every page works without it.
// A "new seed" button next to the seed field draws a random seed the admin can see
// (and note down) before running, instead of leaving it to the server.
document.addEventListener("DOMContentLoaded", () => {
  const seed = document.querySelector(".run-form input[name=seed]");
  if (!seed || !window.crypto) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "link";
  button.textContent = seed.dataset.drawLabel || "🎲";
  button.addEventListener("click", () => {
    const n = new Uint32Array(1);
    window.crypto.getRandomValues(n);
    seed.value = String(n[0] % 2147483647);
  });
  seed.insertAdjacentElement("afterend", button);
});
