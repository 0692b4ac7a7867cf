// Leave form, progressive enhancement only (the form works without it: on send,
// the server checks the session against the first day and lists that day's
// sessions again). Here, choosing another first day or another child lists the
// sessions of that day at once, from /leave/sessions.json (the family's own children).
(function () {
  const box = document.getElementById("lv-sessions");
  const form = box && box.closest("form");
  if (!box || !form) return;
  const from = form.querySelector('input[name="fromDate"]');
  const hint = form.querySelector(".lv-session-hint");
  if (hint) hint.hidden = true;
  let asked = 0;

  const childId = () => {
    const field = form.querySelector('input[name="studentId"][type="hidden"], input[name="studentId"]:checked');
    return field ? field.value : "";
  };

  const show = (data) => {
    const label = document.getElementById("lv-entry-label");
    const old = document.getElementById("lv-entry");
    const kept = old instanceof HTMLSelectElement ? old.value : "";
    if (label) label.textContent = data.label;
    let next;
    if (data.sessions.length) {
      next = document.createElement("select");
      next.name = "entryId";
      next.add(new Option(data.choose, ""));
      for (const s of data.sessions) {
        const option = new Option((s.time + " " + s.title).trim(), String(s.entryId));
        option.selected = String(s.entryId) === kept;
        next.add(option);
      }
    } else {
      next = document.createElement("p");
      next.className = "muted";
      next.textContent = data.none;
    }
    next.id = "lv-entry";
    if (old) old.replaceWith(next);
    else box.appendChild(next);
    box.dataset.date = data.date;
  };

  const refresh = async () => {
    const date = from ? from.value : "";
    const child = childId();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !child) return;
    const mine = ++asked;
    box.setAttribute("aria-busy", "true");
    try {
      const url = box.dataset.url + "?studentId=" + encodeURIComponent(child) + "&date=" + encodeURIComponent(date);
      const res = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      // An older answer arriving after a newer question is dropped.
      if (res.ok && mine === asked) show(await res.json());
    } catch {
      // Offline: the form still sends, and the server lists the day's sessions again.
      if (hint) hint.hidden = false;
    } finally {
      if (mine === asked) box.removeAttribute("aria-busy");
    }
  };

  form.addEventListener("change", (event) => {
    const t = event.target;
    if (t instanceof HTMLInputElement && (t.name === "fromDate" || t.name === "studentId")) void refresh();
  });
})();
