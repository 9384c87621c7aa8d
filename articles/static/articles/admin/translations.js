/*
 * The article form's language switcher (our own; nothing from a CDN).
 *
 * The server renders every language's fields in one fieldset (fieldset.nr-translations),
 * each in Django's own row markup: <div class="form-row field-title_nl">. It also writes a
 * JSON config (#nr-translations-config): languages with their translated names, the
 * translated fields, the source language and the error count per language.
 *
 * This script adds one button per language. Choosing a language shows that language's
 * rows with the source language's rows beside them; the other rows are hidden (still in
 * the form, still submitted). Without this script every field simply shows.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "newsroom.admin.language:" + window.location.pathname;

  function init() {
    var configNode = document.getElementById("nr-translations-config");
    var fieldset = document.querySelector("fieldset.nr-translations");
    if (!configNode || !fieldset) {
      return;
    }
    var config = JSON.parse(configNode.textContent);
    var languages = {};
    config.languages.forEach(function (lang) {
      languages[lang.code] = lang;
    });

    // Find each row by Django's field-<name> class; remember its field and language.
    var rows = [];
    config.fields.forEach(function (field, index) {
      config.languages.forEach(function (lang) {
        var row = fieldset.querySelector(".form-row.field-" + field + "_" + lang.code);
        if (row) {
          row.classList.add("nr-row");
          row.setAttribute("data-nr-lang", lang.code);
          rows.push({ node: row, lang: lang.code, index: index });
        }
      });
    });
    if (!rows.length) {
      return;
    }

    var state = { source: config.source, active: null };
    var sourceSelect = document.getElementById("id_source_language");
    if (sourceSelect && languages[sourceSelect.value]) {
      state.source = sourceSelect.value;
    }

    // The switcher: a group of toggle buttons, one per language.
    var bar = document.createElement("div");
    bar.className = "nr-switcher";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", config.labels.switcher);
    var buttons = {};
    config.languages.forEach(function (lang) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "nr-switcher-button";
      button.setAttribute("data-nr-lang", lang.code);
      button.setAttribute("aria-pressed", "false");

      var code = document.createElement("span");
      code.className = "nr-code";
      code.textContent = lang.code.toUpperCase();
      var name = document.createElement("span");
      name.className = "nr-name";
      name.textContent = lang.name;
      var sourceMark = document.createElement("span");
      sourceMark.className = "nr-source-mark";
      sourceMark.textContent = config.labels.source;
      button.append(code, " ", name, sourceMark);

      if (lang.errors) {
        button.classList.add("nr-has-errors");
        var badge = document.createElement("span");
        badge.className = "nr-error-badge";
        badge.title = lang.errorsLabel;
        var count = document.createElement("span");
        count.setAttribute("aria-hidden", "true");
        count.textContent = String(lang.errors);
        var spoken = document.createElement("span");
        spoken.className = "nr-visually-hidden";
        spoken.textContent = lang.errorsLabel;
        badge.append(count, spoken);
        button.append(" ", badge);
      }
      button.addEventListener("click", function () {
        show(lang.code);
        try {
          window.sessionStorage.setItem(STORAGE_KEY, lang.code);
        } catch (e) {
          /* private browsing: the choice is simply not remembered */
        }
      });
      buttons[lang.code] = button;
      bar.appendChild(button);
    });

    // Column headings above the side-by-side rows.
    var heads = document.createElement("div");
    heads.className = "nr-column-heads";
    var sourceHead = document.createElement("div");
    sourceHead.className = "nr-column-head nr-column-source";
    var targetHead = document.createElement("div");
    targetHead.className = "nr-column-head nr-column-target";
    heads.append(sourceHead, targetHead);

    var anchor = fieldset.querySelector(".description") || fieldset.querySelector(".fieldset-heading");
    if (anchor) {
      anchor.after(bar, heads);
    } else {
      fieldset.prepend(bar, heads);
    }
    fieldset.classList.add("nr-enhanced");

    // What changed in the source since each outdated translation (the desk's panels,
    // above the form): moved beside the fields, only the chosen language's shown.
    var changePanels = Array.prototype.slice.call(
      document.querySelectorAll(".nr-source-changes[data-nr-lang]")
    );
    changePanels.forEach(function (panel) {
      heads.after(panel);
    });

    function show(code) {
      state.active = code;
      var source = state.source;
      var single = code === source;
      fieldset.classList.toggle("nr-single", single);
      rows.forEach(function (row) {
        var isSource = row.lang === source;
        var visible = row.lang === code || (!single && isSource);
        row.node.classList.toggle("nr-off", !visible);
        row.node.classList.toggle("nr-source", visible && isSource && !single);
        row.node.classList.toggle("nr-target", visible && !isSource);
        // Pairs line up (source left, translation right) whatever the DOM order.
        row.node.style.order = String(10 + row.index * 2 + (isSource && !single ? 0 : 1));
      });
      Object.keys(buttons).forEach(function (key) {
        buttons[key].setAttribute("aria-pressed", key === code ? "true" : "false");
        buttons[key].classList.toggle("nr-is-source", key === source);
      });
      changePanels.forEach(function (panel) {
        panel.hidden = panel.getAttribute("data-nr-lang") !== code;
      });
      sourceHead.textContent = languages[source].sourceHeading;
      targetHead.textContent = single ? "" : languages[code].targetHeading;
      heads.hidden = single;
    }

    // Arabic is written right to left: the editor's own editable area needs dir too.
    function markEditor(textarea) {
      var editor = textarea.closest(".prose-editor");
      var editable = editor && editor.querySelector(".ProseMirror[contenteditable]");
      var label = textarea.id && document.querySelector('label[for="' + textarea.id + '"]');
      if (editable && label && !editable.hasAttribute("aria-label")) {
        // The editable area stands in for the textarea: it takes the field's name.
        editable.setAttribute("aria-label", label.textContent.replace(/:\s*$/, ""));
      }
      if (editable && textarea.lang) {
        editable.lang = textarea.lang;
        if (textarea.dir) {
          editable.dir = textarea.dir;
        }
      }
    }
    fieldset.querySelectorAll("textarea[lang]").forEach(markEditor);

    // "Start from the source text": an empty translation's body begins as a copy of the
    // source body (headings, quotes, links and placed pictures and videos kept), so the
    // translator replaces the words and never rebuilds the layout. The copy comes from the
    // source's editor when this person edits the source (their unsaved changes count),
    // else from the source body the server put in the config: a translator sees the source
    // read-only, with no editor to copy from.
    var bodyEditors = {};
    function sourceBody() {
      var editor = bodyEditors[state.source];
      if (editor) {
        return editor.getHTML();
      }
      return state.source === config.source ? config.sourceBody || "" : "";
    }
    function offerStart(code) {
      var row = fieldset.querySelector(".form-row.field-body_" + code);
      if (!row || row.querySelector(".nr-start-from-source")) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button nr-start-from-source";
      button.textContent = config.labels.startFromSource;
      button.addEventListener("click", function () {
        var target = bodyEditors[code];
        var html = sourceBody();
        if (!target || !html || code === state.source || !target.isEmpty) {
          return;
        }
        target.commands.setContent(html, true);
        target.commands.focus("start");
      });
      row.insertBefore(button, row.firstChild);
      function update() {
        var target = bodyEditors[code];
        button.hidden = code === state.source || !target || !target.isEmpty || !sourceBody();
      }
      bodyEditors[code].on("update", update);
      if (sourceSelect) {
        sourceSelect.addEventListener("change", update);
      }
      update();
    }
    fieldset.addEventListener("prose-editor:ready", function (event) {
      markEditor(event.detail.textarea);
      var match = /^body_(.+)$/.exec(event.detail.textarea.name || "");
      if (match && languages[match[1]]) {
        bodyEditors[match[1]] = event.detail.editor;
        offerStart(match[1]);
      }
    });

    if (sourceSelect) {
      sourceSelect.addEventListener("change", function () {
        if (languages[sourceSelect.value]) {
          state.source = sourceSelect.value;
          show(state.active);
        }
      });
    }

    // Open the first language with an error; otherwise the one the address asks for
    // (?language=nl: the translation desk's links), the last one chosen here, or the source.
    var first = config.languages.filter(function (lang) {
      return lang.errors > 0;
    })[0];
    var asked = null;
    try {
      asked = new URLSearchParams(window.location.search).get("language");
    } catch (e) {
      asked = null;
    }
    var remembered = null;
    try {
      remembered = window.sessionStorage.getItem(STORAGE_KEY);
    } catch (e) {
      remembered = null;
    }
    if (first) {
      show(first.code);
    } else if (asked && languages[asked]) {
      show(asked);
    } else if (remembered && languages[remembered]) {
      show(remembered);
    } else {
      show(state.source);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
