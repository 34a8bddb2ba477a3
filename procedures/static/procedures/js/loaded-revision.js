// The page editor posts the revision it was loaded from (loaded_revision_id and
// loaded_revision_created_at) and the server refuses a save from an out-of-date form.
// Wagtail's autosave saves the editor's own work as a newer revision but leaves those two
// hidden inputs as they were, so the editor's next "Zapisz szkic" or "Opublikuj" would be
// taken for a stale form. After each successful autosave, point them at the revision the
// autosave wrote: it holds everything in the form, and the server accepted it only because
// nobody had saved in between.
//
// Later autosaves of the same tab overwrite that revision in place (a new created_at), so
// a save clicked while one is on its way would still look stale. The form therefore also
// posts the revision this tab's autosave owns as overwrite_revision_id, as the autosave
// itself does: Wagtail takes a form holding the latest revision's overwrite id for up to
// date (only the tab that created an autosave revision knows its id, so another tab or
// another person still counts as newer). And once the form is submitted, an autosave still
// waiting for its interval is called off: the submit carries everything it would save.
(function () {
  "use strict";

  var pendingSave = null; // the last "w-autosave:save" event, until its request is done

  function hiddenInput(form, name) {
    var input = form.querySelector('input[type="hidden"][name="' + name + '"]');
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      form.prepend(input);
    }
    return input;
  }

  document.addEventListener("w-autosave:save", function (event) {
    pendingSave = event;
  });

  document.addEventListener("w-autosave:error", function () {
    pendingSave = null;
  });

  document.addEventListener("w-autosave:success", function (event) {
    pendingSave = null;
    var data = event.detail && event.detail.data;
    var form = event.target && event.target.closest && event.target.closest("form[data-edit-form]");
    if (!data || !form || !data.revision_id || !data.revision_created_at) return;
    form.querySelectorAll('input[name="loaded_revision_id"]').forEach(function (input) {
      input.value = String(data.revision_id);
    });
    form.querySelectorAll('input[name="loaded_revision_created_at"]').forEach(function (input) {
      input.value = data.revision_created_at;
    });
    hiddenInput(form, "overwrite_revision_id").value = String(data.revision_id);
  });

  document.addEventListener("submit", function (event) {
    if (event.defaultPrevented) return;
    if (!event.target.matches || !event.target.matches("form[data-edit-form]")) return;
    // An autosave whose interval has not run out checks this before it posts anything.
    if (pendingSave) pendingSave.preventDefault();
  });
})();
