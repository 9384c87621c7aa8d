// Who else has this article open: post a heartbeat every ~20 s to the presence view
// (ArticleAdmin.presence_view) and show the others it names. A static file, no inline
// script: the admin's Content-Security-Policy allows it with the page's nonce.
(function () {
  "use strict";

  function start(box) {
    var url = box.dataset.url;
    var interval = (parseInt(box.dataset.interval, 10) || 20) * 1000;
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (!url || !token) {
      return;
    }

    function show(names) {
      var text = box.querySelector(".nr-presence-text");
      if (!names.length) {
        box.hidden = true;
        text.textContent = "";
        return;
      }
      text.textContent = box.dataset.label.replace("%(names)s", names.join(", "));
      box.hidden = false;
    }

    function beat() {
      var body = new FormData();
      body.append("csrfmiddlewaretoken", token.value);
      fetch(url, { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          if (data) {
            show(data.others || []);
          }
        })
        .catch(function () {
          // Offline for a moment: the next heartbeat tries again.
        });
    }

    beat();
    window.setInterval(beat, interval);
  }

  function init() {
    var box = document.getElementById("nr-presence");
    if (box) {
      start(box);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
