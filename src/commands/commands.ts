/* Ribbon commands (shared runtime): the same code as the task pane, then the pane shows the result. */
import { checkWorkbook, reportWorkbook } from '../excel/actions';

function action(run: (context: Excel.RequestContext) => Promise<unknown>) {
  return (event: Office.AddinCommands.Event): void => {
    Excel.run(run)
      // Errors and results are shown in the pane (findings list, message bar); a command cannot show UI itself.
      .then(() => Office.addin.showAsTaskpane())
      .catch(() => Office.addin.showAsTaskpane())
      .finally(() => event.completed());
  };
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => {
    if (!Office.actions) return;
    Office.actions.associate('pruefen', action(checkWorkbook));
    Office.actions.associate('berichtHfw', action(reportWorkbook));
  });
}
