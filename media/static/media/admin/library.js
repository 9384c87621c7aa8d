/* The picture desk's library in an in-page dialog (<dialog>), replacing the admin's pop-up
 * lookups: search, thumbnails, and an upload form (or, for videos, an address form) inside
 * it; whatever is uploaded or added there is chosen at once. Used by the lead image picker
 * (image-picker.js) and the body editor's "Insert picture / video" (placement-node.js):
 *
 *   window.newsroomLibrary.open("image" | "embed", function (item) { item.id, item.text })
 *
 * Endpoints and words come from the page's #nr-library-config (media/library.py). The
 * dialog is modal (focus stays inside, Escape closes it) and follows the page's direction.
 * A static file, no inline script or style (the admin's Content-Security-Policy). */
(function () {
  "use strict";
  if (window.newsroomLibrary) return;

  var dialogs = {};
  var counter = 0;

  function config() {
    var node = document.getElementById("nr-library-config");
    return node ? JSON.parse(node.textContent) : null;
  }

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      node.append(child);
    });
    return node;
  }

  function field(label, input, help) {
    var id = "nr-library-field-" + ++counter;
    input.id = id;
    var parts = [el("label", { for: id, text: label }), input];
    if (help) {
      var helpId = id + "-help";
      input.setAttribute("aria-describedby", helpId);
      parts.push(el("p", { class: "help", id: helpId, text: help }));
    }
    return el("div", { class: "nr-library__field" }, parts);
  }

  function build(kind, cfg) {
    var labels = cfg.labels;
    var titleId = "nr-library-title-" + kind;
    var dialog = el("dialog", { class: "nr-library", "aria-labelledby": titleId });
    var close = el("button", { type: "button", class: "nr-library__close", text: labels.close });
    var heading = el("h2", { id: titleId, text: kind === "image" ? labels.image : labels.embed });
    var search = el("input", { type: "search", autocomplete: "off" });
    var results = el("ul", { class: "nr-library__results", "aria-live": "polite" });
    var status = el("p", { class: "nr-library__status", role: "status" });
    var more = el("button", { type: "button", class: "button nr-library__more", text: labels.more });
    more.hidden = true;

    var form = el("form", { class: "nr-library__add", method: "post", novalidate: "" });
    var inputs = {};
    if (kind === "image") {
      inputs.file = el("input", { type: "file", name: "file", accept: cfg.accept, required: "" });
      inputs.alt = el("input", { type: "text", name: cfg.altField, required: "", maxlength: "255" });
      inputs.title = el("input", { type: "text", name: cfg.titleField, maxlength: "255" });
      form.append(
        el("h3", { text: labels.upload }),
        field(labels.file, inputs.file),
        field(labels.alt, inputs.alt, labels.altHelp),
        field(labels.title, inputs.title),
        el("button", { type: "submit", class: "button default", text: labels.send })
      );
    } else {
      inputs.url = el("input", { type: "url", name: "url", required: "", inputmode: "url" });
      inputs.title = el("input", { type: "text", name: cfg.titleField, maxlength: "255" });
      form.append(
        el("h3", { text: labels.add }),
        field(labels.url, inputs.url),
        field(labels.title, inputs.title),
        el("button", { type: "submit", class: "button default", text: labels.addSend })
      );
    }
    var errors = el("ul", { class: "errorlist nr-library__errors", role: "alert" });
    form.prepend(errors);

    dialog.append(
      el("div", { class: "nr-library__head" }, [heading, close]),
      field(labels.search, search),
      el("h3", { text: labels.results }),
      results,
      more,
      status,
      form
    );
    document.body.append(dialog);

    var state = { onChoose: null };
    var urls = cfg[kind];

    function choose(item) {
      var callback = state.onChoose;
      state.onChoose = null;
      dialog.close();
      if (callback) callback(item);
    }

    function show(items, append) {
      if (!append) results.replaceChildren();
      status.textContent = items.length || append ? "" : labels.none;
      items.forEach(function (item) {
        var button = el("button", { type: "button", class: "nr-library__item", "data-id": String(item.id) });
        if (item.thumbnail) {
          button.append(el("img", { src: item.thumbnail, alt: "", width: "80", height: "80", loading: "lazy" }));
        }
        var text = el("span", { class: "nr-library__text", text: item.text });
        // A text in another language than the admin's: its own lang and dir, and marked.
        if (item.lang) {
          text.setAttribute("lang", item.lang);
          text.setAttribute("dir", item.dir || "auto");
        }
        button.append(text);
        if (item.marker) button.append(el("span", { class: "nr-library__marker", text: item.marker }));
        if (item.detail) button.append(el("span", { class: "nr-library__detail", text: item.detail }));
        button.addEventListener("click", function () {
          choose(item);
        });
        results.append(el("li", {}, [button]));
      });
    }

    var timer = null;
    var next = null;
    var request = 0;
    function load(page) {
      var url = new URL(urls.search, window.location.href);
      var mine = ++request;
      url.searchParams.set("q", search.value);
      if (page) url.searchParams.set("page", String(page));
      more.hidden = true;
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (mine !== request) return; // an older answer after a newer search
          var firstNew = results.children.length;
          show(data.results || [], Boolean(page));
          next = data.next || null;
          more.hidden = !next;
          // After "More", focus the first new item so a keyboard user carries on there.
          if (page && results.children[firstNew]) results.children[firstNew].querySelector("button").focus();
        });
    }
    more.addEventListener("click", function () {
      if (next) load(next);
    });
    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        load(null);
      }, 200);
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      errors.replaceChildren();
      var body = new FormData(form);
      body.append("csrfmiddlewaretoken", csrfToken());
      status.textContent = labels.working;
      fetch(urls.create, { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) {
          return response.json().catch(function () {
            return { errors: [labels.failed] };
          });
        })
        .then(function (data) {
          status.textContent = "";
          if (data.item) {
            form.reset();
            choose(data.item);
            return;
          }
          (data.errors || [labels.failed]).forEach(function (message) {
            errors.append(el("li", { text: message }));
          });
        })
        .catch(function () {
          status.textContent = "";
          errors.append(el("li", { text: labels.failed }));
        });
    });

    close.addEventListener("click", function () {
      dialog.close();
    });
    dialog.addEventListener("close", function () {
      state.onChoose = null;
      if (state.returnFocus && state.returnFocus.focus) state.returnFocus.focus();
    });

    return {
      open: function (onChoose) {
        state.onChoose = onChoose;
        state.returnFocus = document.activeElement;
        dialog.setAttribute("dir", document.documentElement.dir || "ltr");
        errors.replaceChildren();
        search.value = "";
        load(null);
        dialog.showModal();
        search.focus();
      },
    };
  }

  window.newsroomLibrary = {
    open: function (kind, onChoose) {
      var cfg = config();
      if (!cfg) return false;
      dialogs[kind] = dialogs[kind] || build(kind, cfg);
      dialogs[kind].open(onChoose);
      return true;
    },
  };
})();
