/* Ribbon commands (shared runtime): open the task pane where checks and reports run with progress. */

function showPane(event: Office.AddinCommands.Event): void {
  void Office.addin
    .showAsTaskpane()
    .catch(() => undefined)
    .finally(() => event.completed());
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => {
    if (!Office.actions) return;
    Office.actions.associate('pruefen', showPane);
    Office.actions.associate('berichtHfw', showPane);
  });
}
