/* Live Markdown preview: a textarea with data-preview="ID" shows its text, rendered by the
   server's one Markdown renderer (POST /preview), in the element with that id. */
(function () {
  "use strict";
  var tokenMeta = document.querySelector('meta[name="csrf-token"]');
  var token = tokenMeta ? tokenMeta.getAttribute("content") : "";

  function attach(textarea) {
    var target = document.getElementById(textarea.getAttribute("data-preview"));
    if (!target) { return; }
    var timer = null;
    var latest = 0;
    function refresh() {
      var ticket = ++latest;
      var body = new URLSearchParams();
      body.set("text", textarea.value);
      fetch("/preview", {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": token, "Content-Type": "application/x-www-form-urlencoded" },
        body: body.toString()
      }).then(function (response) {
        if (!response.ok) { throw new Error("preview failed"); }
        return response.text();
      }).then(function (html) {
        if (ticket !== latest) { return; }  /* an older answer arriving late */
        target.innerHTML = html;  /* sanitized by the server's renderer */
        target.classList.remove("preview-stale");
      }).catch(function () {
        target.classList.add("preview-stale");
      });
    }
    textarea.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 250);
    });
    /* Text typed before this script ran (a slow page) fired no event it heard. */
    if (textarea.value.trim() && !target.textContent.trim()) { refresh(); }
  }

  document.querySelectorAll("textarea[data-preview]").forEach(attach);
})();
