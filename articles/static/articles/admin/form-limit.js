/*
 * The article form never loses work to the server's form-field limit.
 *
 * Django refuses a form with more than DATA_UPLOAD_MAX_NUMBER_FIELDS fields before any view
 * runs, so nothing could be saved and the server cannot show the form again. This script
 * counts the fields the browser is about to send and, over the limit, does not send them:
 * everything typed stays on the page, with a message saying what to do. The server's own
 * 400 page (newsroom.security.FormTooLargeMiddleware) remains for browsers without scripts.
 */
(function () {
  "use strict";

  function init() {
    var configNode = document.getElementById("nr-translations-config");
    var form = document.getElementById("article_form");
    if (!configNode || !form) {
      return;
    }
    var config = JSON.parse(configNode.textContent);
    var limit = config.maxFields;
    if (!limit) {
      return;
    }
    // Made only when needed: the admin's .errornote style would show an empty box.
    var message = null;

    form.addEventListener("submit", function (event) {
      var count = 0;
      new FormData(form).forEach(function () {
        count += 1;
      });
      if (count <= limit) {
        if (message) {
          message.remove();
          message = null;
        }
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      if (!message) {
        message = document.createElement("p");
        message.className = "errornote nr-form-limit";
        message.setAttribute("role", "alert");
        form.insertBefore(message, form.firstChild);
      }
      message.textContent = config.labels.tooManyFields
        .replace("%(count)s", count.toLocaleString(document.documentElement.lang))
        .replace("%(limit)s", limit.toLocaleString(document.documentElement.lang));
      message.scrollIntoView({ block: "center" });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
