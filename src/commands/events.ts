/**
 * Shared runtime: ribbon commands and the task pane live in the same page and talk through window events.
 * This module has no dependencies so that the pane can listen without loading the commands.
 */

/** The pane shows this tab (ribbon buttons "Neue Stelle", "Szenarien"). */
export const TAB_EVENT = 'stellenplan:tab';

/** The outcome of a ribbon command, shown by the pane in a MessageBar. */
export const OUTCOME_EVENT = 'stellenplan:outcome';

export interface CommandOutcome {
  intent: 'success' | 'warning' | 'error';
  /** German sentence, English second. */
  message: string;
  messageEn: string;
}
