// The page editor posts the revision it was loaded from (loaded_revision_id and
// loaded_revision_created_at) and the server refuses a save from an out-of-date form.
// Wagtail's autosave saves the editor's own work as a newer revision but leaves those two
// hidden inputs as they were, so the editor's next "Zapisz szkic" or "Opublikuj" would be
// taken for a stale form. After each successful autosave, point them at the revision the
// autosave wrote: it holds everything in the form, and the server accepted it only because
// nobody had saved in between.
(function () {
  "use strict";

  document.addEventListener("w-autosave:success", function (event) {
    var data = event.detail && event.detail.data;
    var form = event.target && event.target.closest && event.target.closest("form[data-edit-form]");
    if (!data || !form || !data.revision_id || !data.revision_created_at) return;
    var id = form.querySelector('input[name="loaded_revision_id"]');
    var createdAt = form.querySelector('input[name="loaded_revision_created_at"]');
    if (id) id.value = String(data.revision_id);
    if (createdAt) createdAt.value = data.revision_created_at;
  });
})();
