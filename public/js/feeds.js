// Progressive enhancement for the feed page: "Copy" buttons. Without this
// file the links are plain read-only text fields the user can select.
(function () {
  "use strict";
  // Each card with a link to copy (the links, and inside WeChat its own) has its own status line.
  function say(field, key) {
    var card = field.closest ? field.closest("section") : null;
    var status = (card || document).querySelector(".copy-status");
    if (status) status.textContent = status.getAttribute(key) || "";
  }

  // Older WebViews (WeChat on some phones) and plain-http school LANs have no
  // async clipboard API: fall back to selecting the text and execCommand.
  function legacyCopy(field) {
    field.focus();
    field.select();
    field.setSelectionRange(0, field.value.length);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    return ok;
  }

  function copy(field) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () { say(field, "data-copied"); }, function () {
        say(field, legacyCopy(field) ? "data-copied" : "data-failed");
      });
      return;
    }
    say(field, legacyCopy(field) ? "data-copied" : "data-failed");
  }

  var buttons = document.querySelectorAll("button.copy[data-copy]");
  for (var i = 0; i < buttons.length; i++) {
    var button = buttons[i];
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) continue;
    button.hidden = false;
    button.addEventListener("click", copy.bind(null, field));
  }

  // A tap on a link field selects all of it, ready to copy by hand.
  var fields = document.querySelectorAll("input.feed-url");
  for (var j = 0; j < fields.length; j++) {
    fields[j].addEventListener("focus", function () { this.select(); });
  }
})();
