/* Ribbon commands (shared runtime): the same code as the task pane, then the pane shows the result. */
import { OUTCOME_EVENT, TAB_EVENT, type CommandOutcome } from './events';
import type { ActionOutcome } from '../excel/actions';

type Action = 'checkWorkbook' | 'reportWorkbook';

const DONE: Record<Action, [string, string]> = {
  checkWorkbook: ['Prüfung geschrieben', 'Findings written'],
  reportWorkbook: ['Bericht HFW geschrieben', 'Committee report written'],
};
const FAILED: Record<Action, [string, string]> = {
  checkWorkbook: ['Die Prüfung ist fehlgeschlagen', 'The check failed'],
  reportWorkbook: [
    'Der Bericht HFW konnte nicht geschrieben werden',
    'The committee report could not be written',
  ],
};

/** The pane's message for a finished or failed command (pure: unit-tested). */
export function outcomeOf(name: Action, outcome: ActionOutcome | Error): CommandOutcome {
  if (outcome instanceof Error) {
    const en = (outcome as Error & { messageEn?: string }).messageEn ?? outcome.message;
    return {
      intent: 'error',
      message: `${FAILED[name][0]}: ${outcome.message}`,
      messageEn: `${FAILED[name][1]}: ${en}`,
    };
  }
  const { errors, warnings } = outcome;
  return {
    intent: errors > 0 ? 'warning' : 'success',
    message: `${DONE[name][0]}: ${errors} Fehler, ${warnings} Warnungen.`,
    messageEn: `${DONE[name][1]}: ${errors} errors, ${warnings} warnings.`,
  };
}

function show(outcome: CommandOutcome): Promise<void> {
  // The pane (same page) shows the message; opening it makes a failure visible instead of silent.
  window.dispatchEvent(new CustomEvent(OUTCOME_EVENT, { detail: outcome }));
  return Office.addin.showAsTaskpane().catch(() => undefined);
}

function action(name: Action) {
  return (event: Office.AddinCommands.Event): void => {
    import(/* webpackChunkName: "excel" */ '../excel/actions')
      .then((actions) => Excel.run((context: Excel.RequestContext) => actions[name](context)))
      .then(
        (outcome) => show(outcomeOf(name, outcome)),
        (e: unknown) => show(outcomeOf(name, e instanceof Error ? e : new Error(String(e)))),
      )
      .finally(() => event.completed());
  };
}

function openTab(tab: 'wizard' | 'scenarios') {
  return (event: Office.AddinCommands.Event): void => {
    window.dispatchEvent(new CustomEvent(TAB_EVENT, { detail: tab }));
    Office.addin
      .showAsTaskpane()
      .catch(() => undefined)
      .finally(() => event.completed());
  };
}

/** Registers the ribbon actions once Office is ready (called only inside Office). */
export function registerCommands(): void {
  void Office.onReady(() => {
    if (!Office.actions) return;
    Office.actions.associate('pruefen', action('checkWorkbook'));
    Office.actions.associate('berichtHfw', action('reportWorkbook'));
    Office.actions.associate('neueStelle', openTab('wizard'));
    Office.actions.associate('szenarien', openTab('scenarios'));
  });
}
