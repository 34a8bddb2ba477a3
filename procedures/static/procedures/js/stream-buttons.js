// StreamField add buttons that say what they add, in the procedure editor.
// Each StreamBlock of procedures/blocks.py carries data-controller="procedure-stream" with
// the text of its add button ("Dodaj etap") and the entries to offer as buttons while the
// field is empty ("Brak opłat", "Nie dotyczy"). Wagtail's own inserters stay: the last one
// gets the text, the others get it as their tooltip. A choice button inserts the entry
// through the stream's own insert(), as Wagtail's add menu does.
(function () {
  "use strict";

  function uuid() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.from(bytes, function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function define(Controller) {
    return class ProcedureStreamController extends Controller {
      static values = { addLabel: String, choices: Array };

      connect() {
        // Wagtail's w-block controller sets rootBlock right after rendering the stream.
        this.stream = this.element.rootBlock;
        this.sequence = this.element.querySelector(":scope > [data-streamfield-stream-container]");
        if (!this.stream || !this.sequence) return;
        this.choices = this.renderChoices();
        this.observer = new MutationObserver(this.update.bind(this));
        this.observer.observe(this.sequence, { childList: true });
        this.update();
      }

      disconnect() {
        if (this.observer) this.observer.disconnect();
        if (this.choices) this.choices.remove();
      }

      renderChoices() {
        if (!this.choicesValue.length) return null;
        var box = document.createElement("div");
        box.className = "procedure-stream__choices";
        var or = document.createElement("span");
        or.textContent = "albo";
        box.appendChild(or);
        this.choicesValue.forEach(
          function (choice) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "button button-small button-secondary";
            button.textContent = choice.label;
            button.addEventListener("click", this.insert.bind(this, choice.type));
            box.appendChild(button);
          }.bind(this),
        );
        this.element.appendChild(box);
        return box;
      }

      insert(type) {
        var initial = this.stream.blockDef.initialChildStates[type];
        this.stream.insert({ type: type, value: initial, id: uuid() }, this.stream.children.length, {
          animate: true,
          focus: true,
        });
        this.update();
      }

      update() {
        var label = this.addLabelValue;
        var buttons = this.sequence.querySelectorAll(":scope > div > .c-sf-add-button");
        buttons.forEach(function (button, index) {
          var last = index === buttons.length - 1;
          var text = button.querySelector(".c-sf-add-button__label");
          button.title = label;
          button.classList.toggle("c-sf-add-button--labelled", last);
          if (last && !text) {
            text = document.createElement("span");
            text.className = "c-sf-add-button__label";
            text.textContent = label;
            button.appendChild(text);
          } else if (!last && text) {
            text.remove();
          }
          if (!last) button.setAttribute("aria-label", label);
          else button.removeAttribute("aria-label");
        });
        if (this.choices) this.choices.hidden = this.stream.children.length > 0;
      }
    };
  }

  function register() {
    window.wagtail.app.register("procedure-stream", define(window.StimulusModule.Controller));
  }

  if (window.wagtail && window.wagtail.app) {
    register();
  } else {
    document.addEventListener("DOMContentLoaded", register);
  }
})();
