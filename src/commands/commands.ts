/* Ribbon commands (shared runtime): the same code as the task pane, then the pane shows the result. */

type Action = 'checkWorkbook' | 'reportWorkbook';

function action(name: Action) {
  return (event: Office.AddinCommands.Event): void => {
    // The Excel actions load on first use: the standalone page never needs them.
    import(/* webpackChunkName: "excel" */ '../excel/actions')
      .then((actions) =>
        Excel.run((context: Excel.RequestContext): Promise<unknown> => actions[name](context)),
      )
      // Errors and results are shown in the pane (findings list, message bar); a command cannot show UI itself.
      .then(() => Office.addin.showAsTaskpane())
      .catch(() => Office.addin.showAsTaskpane())
      .finally(() => event.completed());
  };
}

/** The pane listens for this event to show a tab (wizard, scenarios) when a ribbon button asks for it. */
export const TAB_EVENT = 'stellenplan:tab';

function openTab(tab: 'wizard' | 'scenarios') {
  return (event: Office.AddinCommands.Event): void => {
    window.dispatchEvent(new CustomEvent(TAB_EVENT, { detail: tab }));
    Office.addin
      .showAsTaskpane()
      .catch(() => undefined)
      .finally(() => event.completed());
  };
}

/** Registers the ribbon actions once Office is ready; outside Office (standalone page) it does nothing. */
export function registerCommands(): void {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return;
  void Office.onReady(() => {
    if (!Office.actions) return;
    Office.actions.associate('pruefen', action('checkWorkbook'));
    Office.actions.associate('berichtHfw', action('reportWorkbook'));
    Office.actions.associate('neueStelle', openTab('wizard'));
    Office.actions.associate('szenarien', openTab('scenarios'));
  });
}
