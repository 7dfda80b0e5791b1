// Sociale kaart: progressive enhancement. Everything is readable without this file;
// it only shows the filter and search controls and makes them work.
(function () {
  "use strict";

  function setupFilters(form) {
    var params = new URLSearchParams(window.location.search);
    var selects = form.querySelectorAll("select");
    var items = document.querySelectorAll("[data-sk-list] > li");
    var counter = form.querySelector("[data-sk-count]");

    function matches(item, name, value) {
      if (!value) return true;
      if (name === "toegankelijk") return item.dataset[value] === "ja";
      var have = (item.dataset[name] || "").split(" ");
      return have.indexOf(value) !== -1;
    }

    function apply() {
      var chosen = {};
      var query = new URLSearchParams();
      selects.forEach(function (select) {
        chosen[select.name] = select.value;
        if (select.value) query.set(select.name, select.value);
      });
      var shown = 0;
      items.forEach(function (item) {
        var ok = Object.keys(chosen).every(function (name) { return matches(item, name, chosen[name]); });
        item.classList.toggle("sk-hidden", !ok);
        if (ok) shown += 1;
      });
      // A weekday whose activities are all filtered out disappears with its heading.
      var filtering = Object.keys(chosen).some(function (name) { return chosen[name]; });
      document.querySelectorAll("[data-day]").forEach(function (block) {
        var visible = block.querySelectorAll("li:not(.sk-hidden)").length;
        var hide = filtering && visible === 0;
        var heading = block.parentElement && block.parentElement.previousElementSibling;
        block.classList.toggle("sk-hidden", hide);
        if (heading && /^H[23]$/.test(heading.tagName)) heading.classList.toggle("sk-hidden", hide);
      });
      if (counter) counter.textContent = counter.dataset.template.replace("{n}", shown);
      var url = window.location.pathname + (query.toString() ? "?" + query.toString() : "");
      window.history.replaceState(null, "", url);
    }

    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted) select.value = wanted;
      select.addEventListener("change", apply);
    });
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  function setupFind(form) {
    var input = form.querySelector("input");
    var options = form.querySelectorAll("option");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var wanted = input.value.trim().toLowerCase();
      for (var i = 0; i < options.length; i += 1) {
        if (options[i].value.toLowerCase() === wanted || (wanted && options[i].value.toLowerCase().indexOf(wanted) === 0)) {
          window.location.href = options[i].dataset.href;
          return;
        }
      }
      input.setAttribute("aria-invalid", "true");
    });
  }

  // Material's search panel is a dialog without a name; screen readers then announce nothing.
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = dialog && dialog.querySelector("input[aria-label]");
    if (dialog && input && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
  }

  function init() {
    nameSearchDialog();
    document.querySelectorAll("[data-sk-filter]").forEach(setupFilters);
    document.querySelectorAll("[data-sk-find]").forEach(setupFind);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
