// Suggestions for the portal's search boxes: titles of public procedures offered in the
// input's <datalist> as the reader types (GET /szukaj/podpowiedzi/?q=). Without
// JavaScript the boxes work as plain search fields.
(function () {
  "use strict";
  var DELAY_MS = 150;
  document.querySelectorAll("input[data-suggest-url]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var asked = "";
    if (!list) return;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var typed = input.value.trim();
        if (typed.length < 2 || typed === asked) return;
        asked = typed;
        fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(typed), {
          headers: { Accept: "application/json" },
        })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            if (typed !== asked) return;
            list.replaceChildren.apply(list, data.suggestions.map(function (item) {
              var option = document.createElement("option");
              option.value = item.title;
              return option;
            }));
          })
          .catch(function () {});
      }, DELAY_MS);
    });
  });
})();
