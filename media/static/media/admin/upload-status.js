/* Image add/change form: saving uploads the picture and makes its renditions, which takes
   seconds. Say so, and send the form once: the save buttons are disabled on submit. */
(function () {
  "use strict";
  function init() {
    var status = document.querySelector(".media-upload-status");
    var form = status && status.closest("form");
    if (!form) return;
    var sent = false;
    var buttons = function () {
      return form.querySelectorAll(".submit-row input[type=submit], .submit-row button");
    };
    form.addEventListener("submit", function (event) {
      if (sent) {
        event.preventDefault();
        return;
      }
      sent = true;
      // A disabled button is not sent: keep which one was clicked (_continue, _addanother).
      var submitter = event.submitter;
      if (submitter && submitter.name) {
        var chosen = document.createElement("input");
        chosen.type = "hidden";
        chosen.name = submitter.name;
        chosen.value = submitter.value;
        form.appendChild(chosen);
      }
      buttons().forEach(function (button) { button.disabled = true; });
      form.setAttribute("aria-busy", "true");
      status.textContent = status.dataset.message;
    });
    // Back from the next page (back-forward cache): the form can be used again.
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) return;
      sent = false;
      buttons().forEach(function (button) { button.disabled = false; });
      form.removeAttribute("aria-busy");
      status.textContent = "";
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
