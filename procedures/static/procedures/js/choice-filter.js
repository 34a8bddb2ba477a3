// A filter box and a "Wybrano: N" count over a long checkbox list
// (procedures.widgets.FilterableCheckboxSelectMultiple). Without JavaScript the plain list
// stays; with it, typing hides the options that do not match, ignoring case and Polish
// diacritics. Ticked options stay ticked (and counted) while hidden.
(function () {
  "use strict";

  function fold(text) {
    return (text || "")
      .toLocaleLowerCase("pl")
      .replace(/ł/g, "l")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/\s+/g, " ")
      .trim();
  }

  function define(Controller) {
    return class ChoiceFilterController extends Controller {
      static targets = ["bar", "input", "count", "empty"];

      connect() {
        this.barTarget.hidden = false;
        this.count();
      }

      get options() {
        return Array.from(this.element.querySelectorAll("input[type=checkbox]"));
      }

      filter() {
        var query = fold(this.inputTarget.value);
        var shown = 0;
        this.options.forEach(function (checkbox) {
          var row = checkbox.closest("label").parentElement;
          var match = !query || fold(row.textContent).indexOf(query) !== -1;
          row.hidden = !match;
          if (match) shown += 1;
        });
        this.emptyTarget.hidden = shown > 0;
      }

      count() {
        var ticked = this.options.filter(function (checkbox) {
          return checkbox.checked;
        }).length;
        this.countTarget.textContent = "Wybrano: " + ticked;
      }

      // Enter in the filter box must not submit the whole page form.
      ignoreEnter(event) {
        event.preventDefault();
      }
    };
  }

  function register() {
    window.wagtail.app.register("choice-filter", define(window.StimulusModule.Controller));
  }

  if (window.wagtail && window.wagtail.app) {
    register();
  } else {
    document.addEventListener("DOMContentLoaded", register);
  }
})();
