/* "New section" beside the article form's section field: a small in-page dialog (no
 * pop-up window) asking for the name; the section is created on the server
 * (articles/admin/sections.py, through services.section_create) and chosen at once.
 * The select carries the endpoint and the words (data-create-url, data-create-labels);
 * without them (no permission to add sections) there is no button. A static file, no
 * inline script or style (the admin's Content-Security-Policy). */
(function () {
  "use strict";

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    return node;
  }

  function setUp(select) {
    var labels = JSON.parse(select.dataset.createLabels);
    var button = el("button", { type: "button", class: "button nr-section-new", text: labels.button });
    var anchor = select.closest(".related-widget-wrapper") || select;
    anchor.after(button);

    var dialog = el("dialog", { class: "nr-library nr-section-dialog", "aria-labelledby": select.id + "-new-title" });
    var heading = el("h2", { id: select.id + "-new-title", text: labels.title });
    var form = el("form", { method: "post", novalidate: "" });
    var input = el("input", { type: "text", name: "name", id: select.id + "-new-name", required: "", maxlength: "100", "aria-describedby": select.id + "-new-help" });
    var errors = el("ul", { class: "errorlist nr-library__errors", role: "alert" });
    var send = el("button", { type: "submit", class: "button default", text: labels.send });
    var cancel = el("button", { type: "button", class: "button", text: labels.cancel });
    form.append(
      errors,
      el("label", { for: input.id, text: labels.name }),
      input,
      el("p", { class: "help", id: select.id + "-new-help", text: labels.help }),
      send,
      document.createTextNode(" "),
      cancel
    );
    dialog.append(heading, form);
    document.body.append(dialog);

    function choose(item) {
      var option = Array.prototype.find.call(select.options, function (o) {
        return o.value === String(item.id);
      });
      if (!option) {
        option = new Option(item.text, String(item.id));
        select.add(option);
      }
      select.value = String(item.id);
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }

    button.addEventListener("click", function () {
      errors.replaceChildren();
      form.reset();
      dialog.setAttribute("dir", document.documentElement.dir || "ltr");
      dialog.showModal();
      input.focus();
    });
    cancel.addEventListener("click", function () {
      dialog.close();
    });
    dialog.addEventListener("close", function () {
      button.focus();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      errors.replaceChildren();
      var body = new FormData(form);
      body.append("csrfmiddlewaretoken", csrfToken());
      fetch(select.dataset.createUrl, { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) {
          return response.json().catch(function () {
            return { errors: [labels.failed] };
          });
        })
        .then(function (data) {
          if (data.item) {
            choose(data.item);
            dialog.close();
            return;
          }
          (data.errors || [labels.failed]).forEach(function (message) {
            errors.append(el("li", { text: message }));
          });
        })
        .catch(function () {
          errors.append(el("li", { text: labels.failed }));
        });
    });
  }

  function init() {
    document.querySelectorAll("select[data-create-url]").forEach(setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
