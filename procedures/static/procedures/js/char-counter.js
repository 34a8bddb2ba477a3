// Live character counters for fields with a limit from the template (Order No. 734/2023).
// Any input or textarea with data-char-limit gets "N / LIMIT znaków" below it; the count
// turns red past the limit. Nothing is cut: the server rejects an over-long text with a
// message, and the editor keeps what they typed.
(function () {
  "use strict";

  function plural(n) {
    if (n === 1) return "znak";
    var lastTwo = n % 100;
    var last = n % 10;
    if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return "znaki";
    return "znaków";
  }

  function update(field) {
    var limit = parseInt(field.getAttribute("data-char-limit"), 10);
    var counter = field._charCounter;
    var count = Array.from(field.value || "").length;
    counter.textContent = count + " / " + limit + " " + plural(limit);
    var over = count > limit;
    counter.classList.toggle("char-counter--over", over);
    if (over) {
      counter.textContent += " – za dużo o " + (count - limit);
    }
  }

  function attach(field) {
    if (field._charCounter) return;
    var counter = document.createElement("p");
    counter.className = "char-counter";
    counter.setAttribute("aria-live", "polite");
    counter.id = (field.id || "field") + "-char-counter";
    field.insertAdjacentElement("afterend", counter);
    var describedBy = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + counter.id);
    field._charCounter = counter;
    update(field);
  }

  function scan(root) {
    (root.querySelectorAll ? root : document)
      .querySelectorAll("[data-char-limit]")
      .forEach(attach);
  }

  document.addEventListener("input", function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute("data-char-limit")) {
      if (!event.target._charCounter) attach(event.target);
      update(event.target);
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    scan(document);
    // StreamField blocks are added after load: watch for them.
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) {
            if (node.hasAttribute("data-char-limit")) attach(node);
            scan(node);
          }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
